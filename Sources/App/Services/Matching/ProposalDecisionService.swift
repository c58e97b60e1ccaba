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
        guard proposal.decision == .pending else { throw AppError.conflict(code: "proposal_decided") }
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
            if chosen == proposal.$expert.id || !(chosen == nil || offered(proposal).contains(chosen!)) {
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
        if let expert { try await checkStillAvailable(need, expert) }
        return try await audit.transaction(on: db, actor: .user(coordinator.id!)) { scope in
            let engagement = try await expert.asyncMap { try await create(need, $0, proposal, by: coordinator, on: scope.db) }
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
            if let engagement, let expert { try await tellBothParties(engagement, need, expert, on: scope.db) }
            return engagement
        }
    }

    /// The experts an override may pick: the alternates and the stable matching's choice.
    func offered(_ proposal: MatchProposal) -> [UUID] {
        proposal.alternates.map(\.expertProfileID) + [proposal.$stableExpert.id].compactMap { $0 }
    }

    /// Time passes between the run and the decision: the need may have been matched, the expert filled up.
    private func checkStillAvailable(_ need: Need, _ expert: ExpertProfile) async throws {
        guard try await !BatchMatchingService.isMatched(need, on: db) else { throw AppError.conflict(code: "need_already_matched") }
        guard expert.status == .eligible else { throw AppError.conflict(code: "expert_not_eligible") }
        let occupied = try await Engagement.query(on: db).filter(\.$expert.$id == expert.id!)
            .filter(\.$stage ~~ EngagementStage.occupying).count()
        guard occupied < (expert.capacity ?? 0) else { throw AppError.conflict(code: "expert_at_capacity") }
    }

    private func create(_ need: Need, _ expert: ExpertProfile, _ proposal: MatchProposal, by coordinator: User,
                        on db: Database) async throws -> Engagement {
        let engagement = Engagement()
        engagement.id = UUID()
        engagement.$need.id = need.id!
        engagement.$expert.id = expert.id!
        engagement.$proposal.id = proposal.id
        engagement.stage = .proposed
        if expert.id == proposal.$expert.id {
            engagement.score = proposal.score ?? 0
            engagement.breakdownJSON = proposal.breakdownJSON
        } else if let alternate = proposal.alternates.first(where: { $0.expertProfileID == expert.id }) {
            engagement.score = alternate.score
            engagement.breakdownJSON = JSONColumn.encode(alternate.breakdown)
        } else {
            engagement.score = proposal.stableScore ?? 0
            engagement.breakdownJSON = "{}"
        }
        engagement.createdBy = coordinator.id!
        engagement.createdAt = clock.now()
        engagement.updatedAt = clock.now()
        try await engagement.create(on: db)
        return engagement
    }

    private func tellBothParties(_ engagement: Engagement, _ need: Need, _ expert: ExpertProfile, on db: Database) async throws {
        let members = try await User.activeMembers(of: need.$organisation.id, on: db).all()
        let expertUser = try await expert.$user.get(on: db)
        let link = Paths.match(engagement.id!)
        for person in members + [expertUser].compactMap({ $0 }) {
            let language = person.preferredLanguage ?? .fallback
            try await Notifier(clock: clock).notify(person.id!, "notification.match_proposed", arguments: [need.title], link: link, on: db)
            try await mailer.enqueue(to: person.email, language: language, kind: "match_proposed",
                                     arguments: [person.displayName, need.title, mailer.link(link)], on: db)
        }
    }
}
