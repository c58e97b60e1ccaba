import ExchangeCore
import Fluent
import Vapor

/// A run's proposals as the board shows them: each need with its proposed expert, why, the fallbacks and the decision.
struct ProposalViews {
    let req: Request

    func cards(for run: MatchRun, errors: [FieldError], failed: UUID?, values: [String: String]) async throws -> [ProposalCard] {
        let proposals = try await MatchProposal.query(on: req.db).filter(\.$run.$id == run.requireID()).with(\.$need).all()
            .sorted { $0.need.title.localizedStandardCompare($1.need.title) == .orderedAscending }
        let ids = Set(proposals.flatMap { p in [p.$expert.id, p.$stableExpert.id].compactMap { $0 } + p.alternates.map(\.expertProfileID) })
        let profiles = Dictionary(uniqueKeysWithValues: try await ExpertProfile.query(on: req.db).filter(\.$id ~~ Array(ids)).all().map { (try $0.requireID(), $0) })
        return try proposals.map {
            try ProposalCard($0, profiles: profiles, form: $0.id == failed ? FormState(values: values, errors: errors, on: req) : FormState(), text: req)
        }
    }
}
