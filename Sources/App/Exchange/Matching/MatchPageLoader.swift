import ExchangeCore
import Vapor

extension Request {
    /// The match page's model for the signed-in reader: what the policy lets them do, the due-diligence outline and,
    /// for staff, the concerns reported. Every page that brings the match page back with errors starts here.
    func matchPage(_ match: ProposedMatches.Loaded, values: [String: String] = [:], errors: [FieldError] = []) async throws -> MatchPage {
        let principal = principal!
        let staff = AccessPolicy.decide(principal, .update, match.protected.dueDiligence).isAllowed
        let may = MatchPage.Permissions(
            openNeed: AccessPolicy.decide(principal, .read, .need(organisationID: try match.organisation.requireID())).isAllowed,
            staff: staff, party: match.party(of: principal),
            readTerms: AccessPolicy.decide(principal, .read, match.protected.terms).isAllowed,
            readWork: AccessPolicy.decide(principal, .read, match.protected.work).isAllowed)
        let outline = try await registry.dueDiligence.outline(match)
        let concerns = staff ? try await registry.marketingConcerns.concerns(of: match) : []
        return MatchPage(
            match: try match.heading, state: match.engagement.state, cancelReason: match.engagement.cancelReason,
            scoring: .init(score: match.engagement.score, breakdown: match.engagement.breakdown, explanation: match.explanation,
                           country: match.organisation.country, sector: match.need.sector),
            decisions: outline.decisions, declared: outline.declared,
            concerns: try concerns.map { .init(id: try $0.requireID(), reportedAt: $0.reportedAt, status: $0.status) },
            may: may, values: values, errors: errors, taxonomy: application.taxonomy, text: self)
    }
}
