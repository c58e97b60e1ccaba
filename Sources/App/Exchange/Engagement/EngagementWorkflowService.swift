import ExchangeCore
import Fluent
import Foundation

/// The one place an engagement's stage and safeguards change: each step is checked by `EngagementState`, saved and
/// audited together in the caller's transaction.
enum EngagementWorkflowService {
    /// Decides on the stage as it stands inside the serialised transaction, never on the caller's earlier copy, so a
    /// repeated or conflicting step is refused (409) instead of applied twice.
    static func apply(_ step: EngagementStep, to engagement: Engagement, by role: Role, in scope: AuditScope, now: Date) async throws {
        try await engagement.reloadState(on: scope.db)
        let next = try check(step, on: engagement, by: role)
        engagement.state = next
        if case .cancel(let reason) = step { engagement.cancelReason = reason.trimmingWhitespace() }
        if case .decideDueDiligence(.rejected, let text) = step { engagement.cancelReason = text.trimmingWhitespace() }
        engagement.updatedAt = now
        try await engagement.save(on: scope.db)
        try await scope.record(step.auditAction, .engagement(engagement.requireID()), reason: step.reason,
                               changes: ["stage": next.stage.rawValue, "due_diligence": next.dueDiligence.rawValue])
    }
}

extension Engagement {
    /// Replaces this copy's workflow state with the stored one.
    func reloadState(on db: Database) async throws {
        let stored = try await stored(on: db)
        state = stored.state
        cancelReason = stored.cancelReason
    }
}

extension EngagementWorkflowService {
    /// The state `step` would lead to from the engagement's state as this copy holds it, or the refusal as a 409.
    @discardableResult
    static func check(_ step: EngagementStep, on engagement: Engagement, by role: Role) throws -> EngagementState {
        do throws(EngagementRefusal) {
            return try engagement.state.applying(step, by: role)
        } catch {
            throw AppError.conflict(code: "engagement_\(error.code)")
        }
    }
}

extension EngagementStep {
    var auditAction: AuditAction {
        switch self {
        case .openDueDiligence: .engagementDueDiligenceOpen
        case .decideDueDiligence: .dueDiligenceDecide
        case .reopenDueDiligence: .engagementDueDiligenceReopen
        case .reviseTermsOfReference: .engagementTermsRevise
        case .sign: .termsSign
        case .completeSignOff: .engagementSignOff
        case .start: .engagementStart
        case .beginClosing: .engagementBeginClosing
        case .recordPostEvaluations: .engagementPostEvaluations
        case .close: .engagementClose
        case .extend: .engagementExtend
        case .cancel: .engagementCancel
        }
    }

    /// The written reason the step carries, for the audit log.
    var reason: String {
        switch self {
        case .decideDueDiligence(_, let text), .reopenDueDiligence(let text), .extend(_, let text), .cancel(let text): text
        case .close(let reason): reason ?? ""
        default: ""
        }
    }
}
