import ExchangeCore
import Fluent
import Foundation
import Vapor

/// A coordinator confirms a run's proposal for a need, or overrides it with a written reason. A confirmed or
/// overriding choice of expert becomes a proposed match, which both parties are told about.
struct ProposalDecisionService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer

    /// The decision as the board's forms and the API name it; anything else is a field error.
    static func choice(decision: String?, expertProfileID: UUID?, reason: String?) throws -> ProposalDecision {
        guard let choice = ProposalDecision(decision: decision, expertProfileID: expertProfileID, reason: reason) else {
            throw AppError.validation([FieldError("decision", .invalidChoice)])
        }
        return choice
    }

    /// Returns the proposed match, if the decision made one.
    func decide(_ proposal: MatchProposal, _ choice: ProposalDecision, by coordinator: User) async throws -> Engagement? {
        let expertID: UUID?
        let reason: String
        switch choice.outcome(proposed: proposal.$expert.id, offered: proposal.offeredExperts) {
        case .refused(let errors): throw AppError.validation(errors)
        case .chosen(let chosen, let text): (expertID, reason) = (chosen, text)
        }
        let need = try await proposal.$need.get(on: db)
        let expert = try await expertID.asyncMap { id in
            guard let profile = try await ExpertProfile.find(id, on: db) else { throw AppError.conflict(code: "expert_not_eligible") }
            return profile
        }
        let factory = ProposedMatchFactory(clock: clock, mailer: mailer)
        return try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            // Decided on the stored proposal and engagements: a second click, or a proposal from another run for the
            // same need or expert, must find the first decision already made.
            guard try await MatchProposal.find(proposal.id, on: scope.db)?.decision == .pending else {
                throw AppError.conflict(code: "proposal_decided")
            }
            if let expert { try await factory.checkStillAvailable(need, expert, on: scope.db) }
            let engagement = try await expert.asyncMap { try await factory.create(need, $0, proposal, by: coordinator, on: scope.db) }
            proposal.decision = choice == .confirm ? .confirmed : .overridden
            proposal.reason = reason.isEmpty ? nil : reason
            proposal.decidedBy = coordinator.id
            proposal.decidedAt = clock.now()
            proposal.engagementID = engagement?.id
            try await proposal.save(on: scope.db)
            try await scope.record(choice == .confirm ? .proposalConfirm : .proposalOverride, .matchProposal(proposal.requireID()), reason: reason,
                                   changes: ["need": need.requireID().uuidString.lowercased(),
                                             "expert_profile": expert?.requireID().uuidString.lowercased() ?? "",
                                             "engagement": engagement?.requireID().uuidString.lowercased() ?? ""])
            return engagement
        }
    }
}
