import Foundation

/// What due diligence found for one engagement, as the decision rules see it.
public struct DueDiligenceFindings: Sendable {
    public var checklist: DueDiligenceChecklist
    public var declaredBy: Set<DeclaringParty>
    public var signals: [ConflictSignal]

    public init(checklist: DueDiligenceChecklist, declaredBy: Set<DeclaringParty>, signals: [ConflictSignal]) {
        self.checklist = checklist
        self.declaredBy = declaredBy
        self.signals = signals
    }

    /// Anything found means the match can only be cleared with an approved waiver.
    public var needsWaiver: Bool { !checklist.concerns.isEmpty || !signals.isEmpty }

    public var isReadyForDecision: Bool { checklist.isComplete && declaredBy.count == DeclaringParty.allCases.count }
}

/// The rules a due-diligence decision must keep. A waiver is requested by one coordinator and approved by another.
public enum DueDiligenceDecisionRules {
    /// Errors for deciding `outcome` now; a mitigated outcome is checked when its waiver is requested.
    public static func check(_ outcome: DueDiligenceOutcome, text: String, mitigation: String,
                             findings: DueDiligenceFindings) -> [FieldError] {
        var v = Validator()
        v.text("text", text, maxLength: 4000)
        guard outcome != .rejected else { return v.errors }
        if !findings.checklist.isComplete { v.add("checklist", .incomplete) }
        if findings.declaredBy.count < DeclaringParty.allCases.count { v.add("declarations", .incomplete) }
        switch outcome {
        case .cleared where findings.needsWaiver: v.add("outcome", .needsWaiver)
        case .mitigated: v.text("mitigation", mitigation, maxLength: 4000)
        default: break
        }
        return v.errors
    }

    /// The approver of a waiver must be someone other than its requester.
    public static func checkApproval(requestedBy: UUID, approver: UUID) -> [FieldError] {
        requestedBy == approver ? [FieldError("approver", .sameAsRequester)] : []
    }
}
