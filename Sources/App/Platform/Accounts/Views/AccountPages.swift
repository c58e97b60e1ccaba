import ExchangeCore
import Foundation

/// The signed-in person's own account.
struct AccountPage: PageModel {
    static let template = "account"
    let titleKey = "account.title"

    let name: String
    let email: String
    let role: String
    let organisation: String?
    /// Every zone the IANA database names, the person's own selected.
    let timeZones: [Option]
    let form: FormState

    /// `timeZone` is the person's chosen zone, if any; `form` brings back a refused choice.
    init(name: String, email: String, role: Role, organisation: String?, timeZone: String?, form: FormState = FormState(),
         text: some Translating) {
        self.name = name
        self.email = email
        self.role = text.t("role.\(role.rawValue)")
        self.organisation = organisation
        let chosen = form.values["timeZone"] ?? timeZone ?? "UTC"
        timeZones = TimeZone.knownTimeZoneIdentifiers.sorted().map { Option(value: $0, label: $0.replacingOccurrences(of: "_", with: " "), selected: $0 == chosen) }
        self.form = form
    }
}

/// A person's API tokens; a new one is shown once, on the answer to its creation.
struct TokensPage: PageModel {
    static let template = "tokens"
    let titleKey = "tokens.title"

    struct TokenRow: Encodable, Sendable, Equatable {
        let id: String
        let name: String
        let hint: String
        let created: String
        let lastUsed: String?
        let revoked: Bool
    }

    let tokens: [TokenRow]
    let hasTokens: Bool
    let newToken: String?
    let form: FormState

    /// `tokens` newest first.
    init(tokens: [APIToken], newToken: String?, errors: [FieldError], text: some Translating) throws {
        self.tokens = try tokens.map {
            TokenRow(id: try $0.requireID().pathSegment, name: $0.name, hint: $0.hint + "…", created: text.day($0.createdAt),
                     lastUsed: $0.lastUsedAt.map(text.day), revoked: $0.revokedAt != nil)
        }
        hasTokens = !self.tokens.isEmpty
        self.newToken = newToken
        form = FormState(values: [:], errors: errors, on: text)
    }
}

/// The invitations sent, and the form to send one.
struct InvitationListPage: PageModel {
    static let template = "invitations"
    let titleKey = "invitations.title"

    struct Row: Encodable, Sendable, Equatable {
        let email: String
        let role: String
        let state: String
        let expires: String
    }

    let invitations: [Row]
    let hasInvitations: Bool
    let form: FormState
    let roles: [Option]
    let organisations: [Option]
    let languages: [Option]

    /// `draft` is what was sent when the form comes back.
    init(invitations: [Invitation], organisations: [Organisation], draft: InvitationService.Draft?, errors: [FieldError], now: Date,
         text: some Translating) throws {
        self.invitations = invitations.map {
            Row(email: $0.email, role: text.t("role.\($0.role.rawValue)"), state: text.t("token.\($0.state(now: now))"), expires: text.day($0.expiresAt))
        }
        hasInvitations = !self.invitations.isEmpty
        form = FormState(values: ["email": draft?.email ?? ""], errors: errors, on: text)
        roles = Option.cases(Role.allCases, labels: "role", selected: draft?.role, text)
        self.organisations = try organisations.map {
            Option(value: try $0.requireID().uuidString, label: "\($0.name) (\($0.country))", selected: $0.id?.uuidString == draft?.organisationID)
        }
        languages = SupportedLanguage.allCases.map {
            Option(value: $0.rawValue, label: text.t("language.\($0.rawValue)"), selected: $0.rawValue == (draft?.language ?? text.language.rawValue))
        }
    }
}

/// Everyone with an account; registrations waiting for approval first, each with the organisations to join.
struct PeopleListPage: PageModel {
    static let template = "people"
    let titleKey = "people.title"

    struct Person: Encodable, Sendable, Equatable {
        let id: String
        let name: String
        let email: String
        let role: String
        let roleValue: String
        let status: String
        let organisation: String?
        let requestedOrganisation: String?
        let historyHref: String
    }

    let pending: [Person]
    let hasPending: Bool
    let people: [Person]
    let publicBodies: [Option]
    let companies: [Option]
    let errorList: [String]
    let errorFor: String?

    /// `users` with their organisation loaded; `errors` belong to the decision on `errorFor`.
    init(users: [User], organisations: [Organisation], errors: [FieldError], errorFor: UUID?, text: some Translating) throws {
        let rows = try users.map { user in
            let id = try user.requireID()
            return (user.status, Person(id: id.pathSegment, name: user.displayName, email: user.email, role: text.t("role.\(user.role.rawValue)"),
                                        roleValue: user.role.rawValue, status: text.t("status.\(user.status.rawValue)"),
                                        organisation: user.organisation?.name, requestedOrganisation: user.requestedOrganisation,
                                        historyHref: AuditPageRoute.history(of: "user", id)))
        }
        let options = { (kind: OrganisationKind) in
            try organisations.filter { $0.kind == kind }.map { Option(value: try $0.requireID().uuidString, label: $0.name, selected: false) }
        }
        pending = rows.filter { $0.0 == .pending }.map(\.1)
        hasPending = !pending.isEmpty
        people = rows.filter { $0.0 != .pending }.map(\.1)
        publicBodies = try options(.publicBody)
        companies = try options(.company)
        errorList = FormState(values: [:], errors: errors, on: text).summary.map(\.message)
        self.errorFor = errorFor?.pathSegment
    }
}
