import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Coordinators invite people by e-mail; the link is single-use and expires.
struct InvitationService: Sendable {
    let accounts: AccountService
    var db: Database { accounts.db }
    var clock: WallClock { accounts.clock }

    struct Draft: Sendable {
        var email: String
        var role: String
        var organisationID: String?
        var language: String
    }

    func invite(_ draft: Draft, by inviter: User) async throws -> Invitation {
        var v = ExchangeCore.Validator()
        let email = v.email("email", draft.email)
        let role = v.choice("role", draft.role, as: Role.self)
        let language = v.choice("language", draft.language, as: SupportedLanguage.self)
        let organisationID = try await validOrganisation(draft.organisationID, for: role, into: &v)
        if let email, try await User.query(on: db).filter(\.$email == email.value).first() != nil { v.add("email", .emailTaken) }
        guard v.isValid, let email, let role, let language else { throw AppError.validation(v.errors) }

        let secret = SecretToken()
        return try await accounts.audit.transaction(on: db, actor: .user(inviter.requireID())) { scope in
            let invitation = Invitation(id: UUID(), email: email, role: role, organisationID: organisationID, language: language,
                                        tokenDigest: secret.digest, invitedBy: try inviter.requireID(), now: clock.now())
            try await invitation.create(on: scope.db)
            try await scope.record(.invitationCreate, .invitation(invitation.requireID()), changes: ["role": role.rawValue])
            let mailer = accounts.mailer
            try await mailer.enqueue(
                to: email.value, language: language, kind: "invitation",
                arguments: [accounts.mailer.catalogs.text("role.\(role.rawValue)", language),
                            mailer.link("\(InvitationRoute.acceptForm.link())?token=\(secret.plaintext)")],
                on: scope.db)
            return invitation
        }
    }

    private func validOrganisation(_ raw: String?, for role: Role?, into v: inout ExchangeCore.Validator) async throws -> UUID? {
        guard let raw, !raw.isEmpty else {
            if role == .publicParticipant { v.add("organisationID", .required) }
            return nil
        }
        guard let id = UUID(uuidString: raw), let organisation = try await Organisation.find(id, on: db) else {
            v.add("organisationID", .invalidChoice)
            return nil
        }
        if let kind = role?.organisationKind, organisation.kind != kind { v.add("organisationID", .organisationKindMismatch) }
        if let role, role.organisationKind == nil { v.add("organisationID", .organisationKindMismatch) }
        return id
    }

    func usableInvitation(token: String) async throws -> Invitation? {
        guard let invitation = try await Invitation.query(on: db).filter(\.$tokenDigest == SecretToken.digest(of: token)).first(),
              invitation.state(now: clock.now()) == .usable else { return nil }
        return invitation
    }

    /// Turns a usable invitation into an active account, once.
    func accept(token: String, displayName: String, password: String, confirmation: String) async throws -> User {
        guard let invitation = try await usableInvitation(token: token) else { throw AppError.badRequest(code: "token_unusable") }
        let input = AccountService.NewAccount(
            email: invitation.email, displayName: displayName, role: invitation.role.rawValue,
            organisationID: invitation.$organisation.id, password: password, passwordConfirmation: confirmation,
            language: invitation.language)
        return try await accounts.createActiveUser(input, actor: .anonymous, spending: invitation)
    }
}
