import ExchangeCore
import Fluent
import Vapor

/// What anyone may read without an account: published exchanges and their lessons, exactly as coordinators
/// previewed them, with each side's consent.
struct PublicController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(PublicRoute.list, use: list)
        routes.on(PublicRoute.show, use: show)
        routes.on(PublicRoute.lessons, use: lessons)
    }

    @Sendable func list(req: Request) async throws -> View {
        try await req.page(PublicListPage(published: try await req.registry.publications.published().map { $0.published(in: req.language) }, text: req))
    }

    @Sendable func show(req: Request) async throws -> View {
        let id = try req.uuidParameter()
        guard let publication = try await Publication.query(on: req.db).filter(\.$engagement.$id == id).first() else { throw AppError.notFound }
        return try await req.page(PublicExchangePage(publication.published(in: req.language), text: req))
    }

    @Sendable func lessons(req: Request) async throws -> View {
        try await req.page(PublicLessonsPage(published: try await req.registry.publications.published().map { $0.published(in: req.language) }))
    }
}
