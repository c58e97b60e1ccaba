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

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .accountDirectory)
        return try await req.page(try await listPage(req, errors: [], errorFor: nil))
    }

    private func listPage(_ req: Request, errors: [FieldError], errorFor: UUID?) async throws -> PeopleListPage {
        try PeopleListPage(users: try await User.query(on: req.db).with(\.$organisation).sort(\.$displayName).limit(500).all(),
                           organisations: try await Organisation.query(on: req.db).sort(\.$name).all(), errors: errors, errorFor: errorFor, text: req)
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
            try await req.page(try await listPage(req, errors: errors, errorFor: id))
        }
    }
}
