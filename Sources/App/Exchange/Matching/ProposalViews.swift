import ExchangeCore
import Fluent
import Vapor

/// A run's proposals as the board shows them: each need with its proposed expert, why, the fallbacks and the decision.
struct ProposalViews {
    let req: Request

    struct Criterion: Encodable {
        let label: String
        let value: String
    }

    struct Person: Encodable {
        let name: String
        let organisation: String
        let score: String
    }

    struct Card: Encodable {
        let id: String
        let needTitle: String
        let needHref: String
        let candidatesHref: String
        let proposed: Person?
        let breakdown: [Criterion]
        let alternates: [Person]
        let stable: Person?
        let stableDiffers: Bool
        let excluded: [String]
        let pending: Bool
        let decision: String
        let reason: String?
        let matchHref: String?
        let overrideOptions: [Option]
        let form: FormState
    }

    func cards(for run: MatchRun, errors: [FieldError], failed: UUID?, values: [String: String]) async throws -> [Card] {
        let proposals = try await MatchProposal.query(on: req.db).filter(\.$run.$id == run.requireID()).with(\.$need).all()
            .sorted { $0.need.title.localizedStandardCompare($1.need.title) == .orderedAscending }
        let ids = Set(proposals.flatMap { p in [p.$expert.id, p.$stableExpert.id].compactMap { $0 } + p.alternates.map(\.expertProfileID) })
        let profiles = Dictionary(uniqueKeysWithValues: try await ExpertProfile.query(on: req.db).filter(\.$id ~~ Array(ids)).all().map { (try $0.requireID(), $0) })
        return try proposals.map { try card($0, profiles, form: $0.id == failed ? FormState(values: values, errors: errors, on: req) : FormState()) }
    }

    private func card(_ p: MatchProposal, _ profiles: [UUID: ExpertProfile], form: FormState) throws -> Card {
        let person = { (id: UUID?, score: Double?) -> Person? in
            guard let id, let profile = profiles[id] else { return nil }
            return Person(name: profile.fullName, organisation: profile.organisationName, score: score.map(ScoreText.percent) ?? "—")
        }
        let alternates = p.alternates.compactMap { person($0.expertProfileID, $0.score) }
        var options = p.alternates.compactMap { alt in profiles[alt.expertProfileID].map {
            Option(value: alt.expertProfileID.uuidString.lowercased(),
                   label: req.t("matching.option_expert", $0.fullName, ScoreText.percent(alt.score)),
                   selected: form.values["expertProfileID"] == alt.expertProfileID.uuidString.lowercased())
        } }
        if let stable = p.$stableExpert.id, stable != p.$expert.id, !p.alternates.contains(where: { $0.expertProfileID == stable }),
           let profile = profiles[stable] {
            options.append(Option(value: stable.uuidString.lowercased(),
                                  label: req.t("matching.option_stable", profile.fullName, p.stableScore.map(ScoreText.percent) ?? "—"),
                                  selected: form.values["expertProfileID"] == stable.uuidString.lowercased()))
        }
        if p.$expert.id != nil {
            options.append(Option(value: "", label: req.t("matching.option_unassigned"), selected: form.values["expertProfileID"] == ""))
        }
        let breakdown = MatchCriterion.allCases.compactMap { c in
            p.breakdown[c.rawValue].map { Criterion(label: req.t("criterion.\(c.rawValue)"), value: ScoreText.percent($0)) }
        }
        let excluded = ScoreText.exclusions(req) { p.excluded[$0.rawValue] }
        let needID = p.$need.id
        return try Card(
            id: p.requireID().uuidString.lowercased(), needTitle: p.need.title, needHref: NeedRoute.show.link(needID),
            candidatesHref: CandidatesRoute.candidates.link(needID), proposed: person(p.$expert.id, p.score), breakdown: breakdown,
            alternates: alternates, stable: person(p.$stableExpert.id, p.stableScore), stableDiffers: p.$stableExpert.id != p.$expert.id,
            excluded: excluded, pending: p.decision == .pending, decision: req.t("matching.decision.\(p.decision.rawValue)"),
            reason: p.reason, matchHref: p.engagementID.map { MatchRoute.show.link($0) }, overrideOptions: options, form: form)
    }
}
