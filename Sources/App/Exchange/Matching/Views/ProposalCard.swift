import ExchangeCore
import Foundation

/// A need's proposal as the board shows it: the proposed expert, why, the fallbacks and the decision form.
struct ProposalCard: Encodable, Sendable {
    struct Criterion: Encodable, Sendable, Equatable {
        let label: String
        let value: String
    }

    struct Person: Encodable, Sendable, Equatable {
        let name: String
        let organisation: String
        let score: String
    }

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

    /// `p` with its need loaded; `profiles` holds every expert it names; `form` is what was sent when a decision was refused.
    init(_ p: MatchProposal, profiles: [UUID: ExpertProfile], form: FormState, text: some Translating) throws {
        let person = { (id: UUID?, score: Double?) -> Person? in
            guard let id, let profile = profiles[id] else { return nil }
            return Person(name: profile.fullName, organisation: profile.organisationName, score: score.map { ScoreText.percent($0, text) } ?? "—")
        }
        let alternates = p.alternates.compactMap { person($0.expertProfileID, $0.score) }
        var options = p.alternates.compactMap { alt in profiles[alt.expertProfileID].map {
            Option(value: alt.expertProfileID.uuidString.lowercased(),
                   label: text.t("matching.option_expert", $0.fullName, ScoreText.percent(alt.score, text)),
                   selected: form.values["expertProfileID"] == alt.expertProfileID.uuidString.lowercased())
        } }
        if let stable = p.$stableExpert.id, stable != p.$expert.id, !p.alternates.contains(where: { $0.expertProfileID == stable }),
           let profile = profiles[stable] {
            options.append(Option(value: stable.uuidString.lowercased(),
                                  label: text.t("matching.option_stable", profile.fullName, p.stableScore.map { ScoreText.percent($0, text) } ?? "—"),
                                  selected: form.values["expertProfileID"] == stable.uuidString.lowercased()))
        }
        if p.$expert.id != nil {
            options.append(Option(value: "", label: text.t("matching.option_unassigned"), selected: form.values["expertProfileID"] == ""))
        }
        let breakdown = MatchCriterion.allCases.compactMap { c in
            p.breakdown[c.rawValue].map { Criterion(label: text.t("criterion.\(c.rawValue)"), value: ScoreText.percent($0, text)) }
        }
        let excluded = ScoreText.exclusions(text) { p.excluded[$0.rawValue] }
        let needID = p.$need.id
        id = try p.requireID().pathSegment
        needTitle = p.need.title
        needHref = NeedRoute.show.link(needID)
        candidatesHref = CandidatesRoute.candidates.link(needID)
        proposed = person(p.$expert.id, p.score)
        self.breakdown = breakdown
        self.alternates = alternates
        stable = person(p.$stableExpert.id, p.stableScore)
        stableDiffers = p.$stableExpert.id != p.$expert.id
        self.excluded = excluded
        pending = p.decision == .pending
        decision = text.t("matching.decision.\(p.decision.rawValue)")
        reason = p.reason
        matchHref = p.engagementID.map { MatchRoute.show.link($0) }
        overrideOptions = options
        self.form = form
    }
}
