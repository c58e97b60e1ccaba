import ExchangeCore
import Fluent
import Vapor

/// Programme staff see every account and decide on pending registrations.
struct PeopleController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(PeopleRoute.list, use: list)
        routes.on(PeopleRoute.approve, use: approve)
        routes.on(PeopleRoute.reject, use: reject)
    }

    struct Person: Encodable {
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

    struct ListPage: Encodable {
        let pending: [Person]
        let hasPending: Bool
        let people: [Person]
        let publicBodies: [Option]
        let companies: [Option]
        let errorList: [String]
        let errorFor: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .accountDirectory)
        return try await req.page("people", title: "people.title", try await listPage(req, errors: [], errorFor: nil))
    }

    private func listPage(_ req: Request, errors: [FieldError], errorFor: UUID?) async throws -> ListPage {
        let users = try await User.query(on: req.db).with(\.$organisation).sort(\.$displayName).limit(500).all()
        let people = try users.map { user in
            Person(id: try user.requireID().uuidString.lowercased(), name: user.displayName, email: user.email,
                   role: req.t("role.\(user.role.rawValue)"), roleValue: user.role.rawValue,
                   status: req.t("status.\(user.status.rawValue)"), organisation: user.organisation?.name,
                   requestedOrganisation: user.requestedOrganisation,
                   historyHref: AuditPageRoute.history(of: "user", try user.requireID()))
        }
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
        func options(_ kind: OrganisationKind) throws -> [Option] {
            try organisations.filter { $0.kind == kind }.map { Option(value: try $0.requireID().uuidString, label: $0.name, selected: false) }
        }
        let pending = zip(users, people).filter { $0.0.status == .pending }.map(\.1)
        return ListPage(
            pending: pending, hasPending: !pending.isEmpty,
            people: zip(users, people).filter { $0.0.status != .pending }.map(\.1),
            publicBodies: try options(.publicBody), companies: try options(.company),
            errorList: FormState(values: [:], errors: errors, on: req).summary.map(\.message),
            errorFor: errorFor?.uuidString.lowercased())
    }

    struct ApproveForm: Content { var organisationID: String? }
    struct RejectForm: Content { var reason: String? }

    @Sendable func approve(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        try req.authorize(.decide, .registrations)
        let form = try req.content.decode(ApproveForm.self)
        let organisationID = form.organisationID.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        return try await decide(req, id: id) {
            try await req.registry.accounts.approve(userID: id, organisationID: organisationID, by: try req.requireUser())
            req.flash("people.approved")
        }
    }

    @Sendable func reject(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        try req.authorize(.decide, .registrations)
        let form = try req.content.decode(RejectForm.self)
        return try await decide(req, id: id) {
            try await req.registry.accounts.reject(userID: id, reason: form.reason ?? "", by: try req.requireUser())
            req.flash("people.rejected")
        }
    }

    private func decide(_ req: Request, id: UUID, _ work: () async throws -> Void) async throws -> Response {
        return try await req.formAgainIfInvalid {
            try await work()
            return req.redirect(to: PeopleRoute.list.link())
        } form: { errors in
            try await req.page("people", title: "people.title", try await listPage(req, errors: errors, errorFor: id))
        }
    }
}
