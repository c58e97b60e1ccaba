import ExchangeCore
import Fluent
import Vapor

/// The coordinator's view of who fits a need, and why: scores per criterion and who was left out for what.
struct CandidatesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(CandidatesRoute.candidates, use: candidates)
    }

    @Sendable func candidates(req: Request) async throws -> View {
        let need = try await req.load(Need.self, for: .read)
        try req.authorize(.list, .expertDirectory)
        let result = try await CandidateRankingService(db: req.db, taxonomy: req.application.taxonomy).rank(need)
        return try await req.page(CandidatesPage(need: try need.requireID(), needTitle: need.title, ranking: result.ranking,
                                                 people: result.profiles.map { ($0.fullName, $0.organisationName) }, text: req))
    }
}
