import ExchangeCore
import Vapor

/// The declared-conflicts form on the received reports page.
struct ReaderConflictController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ReaderConflictRoute.declare, use: declare)
        routes.on(ReaderConflictRoute.withdraw, use: withdraw)
    }

    struct DeclareForm: Content { var party: String? }

    @Sendable func declare(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let party = try req.content.decode(DeclareForm.self).party ?? ""
        return try await req.formAgainIfInvalid {
            try await req.registry.readerConflicts.declare(party, as: user)
            req.flash("conflicts.declared")
            return req.redirect(to: ReceivedReportsRoute.list.link())
        } form: { errors in
            try await ReceivedReportsController.listPage(req, form: FormState(values: ["party": party], errors: errors, on: req))
        }
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let user = try req.requireUser(), id = try req.uuidParameter()
        try await req.registry.readerConflicts.withdraw(id, as: user)
        req.flash("conflicts.withdrawn")
        return req.redirect(to: ReceivedReportsRoute.list.link())
    }
}
