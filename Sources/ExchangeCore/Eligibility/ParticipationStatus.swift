/// Where a participant (or a need) stands: draft → submitted → screened → eligible / ineligible.
/// Experts imported from a roster start as invited: they confirm and complete their profile before screening.
public enum ParticipationStatus: String, Codable, Sendable, CaseIterable {
    case invited, draft, submitted, screened, eligible, ineligible
}

/// The moves a participant's status can make, and who may make them.
public enum ParticipationWorkflow {
    public enum Move: Equatable, Sendable {
        /// An imported expert confirms the invitation and starts completing the profile.
        case confirm
        /// The participant sends a complete draft for screening.
        case submit
        /// Automatic screening ran; its overall outcome decides the next status.
        case screen(ScreeningOutcome)
        /// A coordinator decides what screening left for review, with a written reason.
        case decide(eligible: Bool, reason: String)
        /// A coordinator overrides an automatic result, with a written reason.
        case override(eligible: Bool, reason: String)
        /// The participant edits after screening: back to draft, to be screened again.
        case reopen
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notAllowed(from: ParticipationStatus)
        case reasonRequired
    }

    /// A coordinator's decision: it decides what screening left for review, or overrides a screening result.
    /// Whether a coordinator's decision applies: to what screening left for review, or to a result to override.
    public static func coordinatorMayDecide(_ status: ParticipationStatus) -> Bool {
        status == .screened || status == .eligible || status == .ineligible
    }

    public static func coordinatorDecision(eligible: Bool, reason: String, on status: ParticipationStatus) throws(Refusal) -> ParticipationStatus {
        let move: Move = status == .screened ? .decide(eligible: eligible, reason: reason) : .override(eligible: eligible, reason: reason)
        return try apply(move, to: status)
    }

    public static func apply(_ move: Move, to status: ParticipationStatus) throws(Refusal) -> ParticipationStatus {
        switch (move, status) {
        case (.confirm, .invited):
            return .draft
        case (.submit, .draft):
            return .submitted
        case (.screen(let outcome), .submitted):
            switch outcome {
            case .pass: return .eligible
            case .fail: return .ineligible
            case .needsReview: return .screened
            }
        case (.decide(let eligible, let reason), .screened):
            guard !reason.trimmingWhitespace().isEmpty else { throw .reasonRequired }
            return eligible ? .eligible : .ineligible
        case (.override(let eligible, let reason), .eligible), (.override(let eligible, let reason), .ineligible):
            // Overriding to the status already held changes nothing: it is a repeated decision, refused.
            guard (eligible ? ParticipationStatus.eligible : .ineligible) != status else { throw .notAllowed(from: status) }
            guard !reason.trimmingWhitespace().isEmpty else { throw .reasonRequired }
            return eligible ? .eligible : .ineligible
        case (.reopen, .screened), (.reopen, .eligible), (.reopen, .ineligible), (.reopen, .submitted):
            return .draft
        default:
            throw .notAllowed(from: status)
        }
    }
}
