import ExchangeCore
import Fluent
import Vapor

/// The coordinator's view of who fits a need, and why: scores per criterion and who was left out for what.
struct CandidatesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(CandidatesRoute.candidates, use: candidates)
    }

    struct Row: Encodable {
        let rank: Int
        let name: String
        let organisation: String
        let score: String
        let criteria: [Cell]
    }

    struct Cell: Encodable {
        let value: String
    }

    struct CandidatesPage: Encodable {
        let needTitle: String
        let needHref: String
        let criteria: [String]
        let rows: [Row]
        let hasRows: Bool
        let excluded: [String]
        let hasExcluded: Bool
    }

    static let shownCriteria: [MatchCriterion] = [.skills, .region, .language, .availability, .experience]

    @Sendable func candidates(req: Request) async throws -> View {
        guard let need = try await Need.find(try req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        try req.authorize(.read, .need(organisationID: need.$organisation.id))
        try req.authorize(.list, .expertDirectory)
        let result = try await CandidateRankingService(db: req.db, taxonomy: req.application.taxonomy).rank(need)
        let rows = result.ranking.candidates.enumerated().map { index, ranked in
            let profile = result.profiles[Int(ranked.candidate)]
            return Row(rank: index + 1, name: profile.fullName, organisation: profile.organisationName, score: ScoreText.percent(ranked.score),
                       criteria: Self.shownCriteria.map { Cell(value: ranked.breakdown[$0].map(ScoreText.percent) ?? "—") })
        }
        let excluded = ScoreText.exclusions(req) { result.ranking.excluded[$0] }
        return try await req.page("candidates", title: "candidates.title", CandidatesPage(
            needTitle: need.title, needHref: NeedRoute.show.link(try need.requireID()),
            criteria: Self.shownCriteria.map { req.t("criterion.\($0.rawValue)") }, rows: rows, hasRows: !rows.isEmpty,
            excluded: excluded, hasExcluded: !excluded.isEmpty))
    }
}
