import Foundation

/// A coordinator's decision on a batch proposal for one need: confirm the proposed expert, or override it with a
/// written reason, choosing one of the other experts offered (alternates, the stable matching's choice) or nobody.
public enum ProposalDecision: Equatable, Sendable {
    case confirm
    case override(expertProfileID: UUID?, reason: String)

    /// The decision as the board's forms and the API name it; nil for anything else.
    public init?(decision: String?, expertProfileID: UUID?, reason: String?) {
        switch decision {
        case "confirm": self = .confirm
        case "override": self = .override(expertProfileID: expertProfileID, reason: reason ?? "")
        default: return nil
        }
    }

    public enum Outcome: Equatable, Sendable {
        /// The expert to match, or nil to leave the need unassigned; the reason is kept with the decision.
        case chosen(expertProfileID: UUID?, reason: String)
        case refused([FieldError])
    }

    /// What the decision chooses among `offered`, the experts the proposal put forward besides `proposed`.
    public func outcome(proposed: UUID?, offered: [UUID]) -> Outcome {
        switch self {
        case .confirm:
            return .chosen(expertProfileID: proposed, reason: "")
        case .override(let chosen, let text):
            let reason = text.trimmingWhitespace()
            var errors: [FieldError] = []
            if reason.isEmpty { errors.append(FieldError("reason", .required)) }
            if let chosen, chosen == proposed || !offered.contains(chosen) { errors.append(FieldError("expertProfileID", .invalidChoice)) }
            return errors.isEmpty ? .chosen(expertProfileID: chosen, reason: reason) : .refused(errors)
        }
    }
}

/// Why a chosen expert cannot become a match now; the raw value is the refusal's error code.
public enum MatchUnavailability: String, Equatable, Sendable {
    case needAlreadyMatched = "need_already_matched"
    case expertNotEligible = "expert_not_eligible"
    case expertAtCapacity = "expert_at_capacity"

    /// A need is matched once; an expert must be eligible and have a place left among the engagements that occupy one.
    public static func check(needMatched: Bool, expertStatus: ParticipationStatus, occupied: Int, capacity: Int?) -> MatchUnavailability? {
        if needMatched { return .needAlreadyMatched }
        if expertStatus != .eligible { return .expertNotEligible }
        if occupied >= (capacity ?? 0) { return .expertAtCapacity }
        return nil
    }
}
