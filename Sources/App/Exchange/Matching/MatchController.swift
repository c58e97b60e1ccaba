import ExchangeCore
import Fluent
import Vapor

/// Proposed matches for the people in them: the list, and "why you were matched".
struct MatchController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(MatchRoute.list, use: list)
        routes.on(MatchRoute.show, use: show)
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .engagement(needOrganisationID: UUID(), expertUserID: nil))
        let (engagements, total) = try await ProposedMatches(req: req).visible(Pager.rows(req))
        let items = try engagements.map {
            MatchListPage.Item(id: try $0.requireID(), needTitle: $0.need.title, expert: $0.expert.fullName, stage: $0.stage, score: $0.score)
        }
        return try await req.page(MatchListPage(items: items, total: total, page: Pager.page(req), text: req))
    }

    @Sendable func show(req: Request) async throws -> View {
        try await req.page(try await req.matchPage(try await ProposedMatches(req: req).load(try req.uuidParameter())))
    }
}
