/// Where an engagement's due diligence stands. Mitigated means cleared with an approved waiver.
public enum DueDiligenceStatus: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case open, cleared, mitigated, rejected

    public var isCleared: Bool { self == .cleared || self == .mitigated }
}

/// How a due-diligence review ends.
public enum DueDiligenceOutcome: String, Codable, Sendable, CaseIterable {
    case cleared, mitigated, rejected

    var status: DueDiligenceStatus {
        switch self {
        case .cleared: .cleared
        case .mitigated: .mitigated
        case .rejected: .rejected
        }
    }
}

/// One thing that can happen to an engagement. Every change of stage or safeguard goes through one of these.
public enum EngagementStep: Sendable, Equatable {
    case openDueDiligence
    case decideDueDiligence(DueDiligenceOutcome, text: String)
    /// A new declaration or newly imported data raised a conflict signal after due diligence was decided.
    case reopenDueDiligence(reason: String)
    /// A new version of the Terms of Reference, lasting `months`; earlier signatures no longer count.
    case reviseTermsOfReference(months: Int)
    /// A party signs the current version; it changes nothing until the third signature, which is `completeSignOff`.
    case sign
    /// The last of the three signatures on the current version arrived.
    case completeSignOff
    case start
    case beginClosing
    case recordPostEvaluations
    /// A coordinator may close without post-evaluations by giving a reason.
    case close(overrideReason: String?)
    case extend(months: Int, reason: String)
    case cancel(reason: String)

    /// Steps only programme staff may take; the others are the parties' own.
    public var needsProgrammeStaff: Bool {
        switch self {
        case .reviseTermsOfReference, .sign, .completeSignOff, .recordPostEvaluations: false
        default: true
        }
    }
}

/// Why a step was refused. `code` names a message in every language catalog (`engagement.refusal.<code>`).
public enum EngagementRefusal: Error, Equatable, Sendable {
    case notFrom(EngagementStage)
    case programmeStaffOnly
    case dueDiligenceNotCleared
    case dueDiligenceNotOpen
    case termsNotSigned
    case postEvaluationsMissing
    case reasonRequired
    case durationOutOfRange
    case extensionTooLong

    public var code: String {
        switch self {
        case .notFrom: "not_from_stage"
        case .programmeStaffOnly: "programme_staff_only"
        case .dueDiligenceNotCleared: "due_diligence_not_cleared"
        case .dueDiligenceNotOpen: "due_diligence_not_open"
        case .termsNotSigned: "terms_not_signed"
        case .postEvaluationsMissing: "post_evaluations_missing"
        case .reasonRequired: "reason_required"
        case .durationOutOfRange: "duration_out_of_range"
        case .extensionTooLong: "extension_too_long"
        }
    }
}

/// An engagement's stage with the safeguards that gate it. The only way to change it is `applying(_:by:)`, so no
/// sequence of steps reaches `active` without cleared due diligence and a signed Terms of Reference.
public struct EngagementState: Sendable, Equatable, Codable {
    public private(set) var stage: EngagementStage
    public private(set) var dueDiligence: DueDiligenceStatus
    /// The current Terms of Reference version carries every signature.
    public private(set) var termsSigned: Bool
    public private(set) var postEvaluationsComplete: Bool
    /// The duration the Terms of Reference plan, before extensions.
    public private(set) var plannedMonths: Int
    public private(set) var extensionMonths: Int

    public static let maximumMonths = 6

    public init(plannedMonths: Int = NeedDraft.defaultDuration) {
        self.init(stage: .proposed, dueDiligence: .notStarted, termsSigned: false, postEvaluationsComplete: false,
                  plannedMonths: plannedMonths, extensionMonths: 0)
    }

    /// Restores a stored state; only states the workflow produced should be stored.
    public init(stage: EngagementStage, dueDiligence: DueDiligenceStatus, termsSigned: Bool, postEvaluationsComplete: Bool,
                plannedMonths: Int, extensionMonths: Int) {
        self.stage = stage
        self.dueDiligence = dueDiligence
        self.termsSigned = termsSigned
        self.postEvaluationsComplete = postEvaluationsComplete
        self.plannedMonths = plannedMonths
        self.extensionMonths = extensionMonths
    }

    public var totalMonths: Int { plannedMonths + extensionMonths }
    public var isFinished: Bool { stage == .closed || stage == .cancelled }

    /// The state after `step`, or the first rule it breaks.
    public func applying(_ step: EngagementStep, by role: Role) throws(EngagementRefusal) -> EngagementState {
        guard !isFinished else { throw .notFrom(stage) }
        if step.needsProgrammeStaff && !role.managesProgramme { throw .programmeStaffOnly }
        var next = self
        switch step {
        case .openDueDiligence:
            try require(.proposed)
            next.stage = .dueDiligence
            next.dueDiligence = .open
        case .decideDueDiligence(let outcome, let text):
            guard dueDiligence == .open else { throw .dueDiligenceNotOpen }
            try requireReason(text)
            next.dueDiligence = outcome.status
            if outcome == .rejected {
                next.stage = .cancelled
            } else if stage == .dueDiligence {
                next.stage = .torDrafting
            }
        case .reopenDueDiligence(let reason):
            guard dueDiligence.isCleared else { throw .dueDiligenceNotOpen }
            try requireReason(reason)
            next.dueDiligence = .open
        case .reviseTermsOfReference(let months):
            try require(.torDrafting, .torSigned)
            guard (1...Self.maximumMonths).contains(months) else { throw .durationOutOfRange }
            next.stage = .torDrafting
            next.termsSigned = false
            next.plannedMonths = months
        case .sign:
            try require(.torDrafting)
        case .completeSignOff:
            try require(.torDrafting)
            try requireCleared()
            next.stage = .torSigned
            next.termsSigned = true
        case .start:
            try require(.torSigned)
            try requireCleared()
            guard termsSigned else { throw .termsNotSigned }
            next.stage = .active
        case .beginClosing:
            try require(.active)
            next.stage = .closing
        case .recordPostEvaluations:
            try require(.active, .closing)
            next.postEvaluationsComplete = true
        case .close(let overrideReason):
            try require(.closing)
            try requireCleared()
            if let overrideReason { try requireReason(overrideReason) } else if !postEvaluationsComplete { throw .postEvaluationsMissing }
            next.stage = .closed
        case .extend(let months, let reason):
            try require(.active, .closing)
            try requireReason(reason)
            guard months >= 1 else { throw .durationOutOfRange }
            guard totalMonths + months <= Self.maximumMonths else { throw .extensionTooLong }
            next.extensionMonths += months
        case .cancel(let reason):
            try requireReason(reason)
            next.stage = .cancelled
        }
        return next
    }

    private func require(_ stages: EngagementStage...) throws(EngagementRefusal) {
        guard stages.contains(stage) else { throw .notFrom(stage) }
    }

    private func requireCleared() throws(EngagementRefusal) {
        guard dueDiligence.isCleared else { throw .dueDiligenceNotCleared }
    }

    private func requireReason(_ text: String) throws(EngagementRefusal) {
        guard !text.trimmingWhitespace().isEmpty else { throw .reasonRequired }
    }
}
