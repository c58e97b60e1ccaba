import ExchangeCore
import Foundation

/// One due-diligence decision as the review and the match page show it.
struct DueDiligenceDecisionRow: Encodable, Sendable, Equatable {
    let outcome: String
    let status: String
    let text: String
    let mitigation: String?
    let date: String

    init(_ decision: DueDiligenceDecision, text translate: some Translating) {
        outcome = translate.t("due_diligence.outcome.\(decision.outcome.rawValue)")
        status = translate.t("due_diligence.decision_status.\(decision.status.rawValue)")
        text = decision.text
        mitigation = decision.mitigation
        date = translate.day(decision.decidedAt ?? decision.requestedAt)
    }
}
