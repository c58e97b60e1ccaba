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

    enum Choice: Equatable, Sendable {
        case confirm
        /// Another expert from the alternates or the stable matching, or nil to leave the need unassigned.
        case override(expertProfileID: UUID?, reason: String)

        /// The decision as the board's forms and the API name it.
        init(decision: String?, expertProfileID: UUID?, reason: String?) throws {
            switch decision {
            case "confirm": self = .confirm
            case "override": self = .override(expertProfileID: expertProfileID, reason: reason ?? "")
            default: throw AppError.validation([FieldError("decision", .invalidChoice)])
            }
        }
    }

    /// Returns the proposed match, if the decision made one.
    func decide(_ proposal: MatchProposal, _ choice: Choice, by coordinator: User) async throws -> Engagement? {
        let expertID: UUID?
        let reason: String
        switch choice {
        case .confirm:
            expertID = proposal.$expert.id
            reason = ""
        case .override(let chosen, let text):
            reason = text.trimmingWhitespace()
            var errors: [FieldError] = []
            if reason.isEmpty { errors.append(FieldError("reason", .required)) }
            if chosen == proposal.$expert.id || !(chosen == nil || proposal.offeredExperts.contains(chosen!)) {
                errors.append(FieldError("expertProfileID", .invalidChoice))
            }
            guard errors.isEmpty else { throw AppError.validation(errors) }
            expertID = chosen
        }
        let need = try await proposal.$need.get(on: db)
        let expert = try await expertID.asyncMap { id in
            guard let profile = try await ExpertProfile.find(id, on: db) else { throw AppError.conflict(code: "expert_not_eligible") }
            return profile
        }
        let factory = ProposedMatchFactory(clock: clock, mailer: mailer)
        return try await audit.transaction(on: db, actor: .user(coordinator.id!)) { scope in
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
            try await scope.record(choice == .confirm ? .proposalConfirm : .proposalOverride, .matchProposal(proposal.id!), reason: reason,
                                   changes: ["need": need.id!.uuidString.lowercased(),
                                             "expert_profile": expert?.id!.uuidString.lowercased() ?? "",
                                             "engagement": engagement?.id!.uuidString.lowercased() ?? ""])
            return engagement
        }
    }
}
