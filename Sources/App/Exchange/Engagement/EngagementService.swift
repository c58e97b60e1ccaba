import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Stage steps a coordinator takes on an engagement outside due diligence, each told to both parties.
struct EngagementService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer
    let catalogs: Catalogs

    func cancel(_ match: ProposedMatches.Loaded, reason: String, by coordinator: User) async throws {
        // A missing reason is bad input (422), not a refused step.
        guard !reason.trimmingWhitespace().isEmpty else { throw AppError.validation([FieldError("reason", .required)]) }
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            try await EngagementWorkflowService.apply(.cancel(reason: reason), to: match.engagement, by: coordinator.role, in: scope,
                                                      now: clock.now())
            try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: scope.db),
                                             "engagement_cancelled", arguments: [match.need.title, reason.trimmingWhitespace()],
                                             link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
    }

    /// Active → closing; the post-evaluations are sent to both sides. Conflicts are re-checked at closure.
    func beginClosing(_ match: ProposedMatches.Loaded, by coordinator: User) async throws {
        try await DueDiligenceService(db: db, audit: audit, clock: clock, mailer: mailer).recheck(match, trigger: "closure")
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            try await EngagementWorkflowService.apply(.beginClosing, to: match.engagement, by: coordinator.role, in: scope, now: clock.now())
            try await EvaluationService(db: scope.db, audit: audit, clock: clock, mailer: mailer, catalogs: catalogs).open(.post, for: match, in: scope)
            try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: scope.db), "report_requested",
                                             arguments: [match.need.title], link: ReportRoute.show.link(try match.engagement.requireID()),
                                             clock: clock, mailer: mailer, on: scope.db)
        }
    }

    /// Closing → closed. Without both sides' post-evaluations only with a reason, which the log keeps.
    func close(_ match: ProposedMatches.Loaded, overrideReason: String?, by coordinator: User) async throws {
        let reason = overrideReason?.trimmingWhitespace()
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            try await EngagementWorkflowService.apply(.close(overrideReason: reason?.isEmpty == false ? reason : nil), to: match.engagement,
                                                      by: coordinator.role, in: scope, now: clock.now())
            try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: scope.db), "engagement_closed",
                                             arguments: [match.need.title], link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer,
                                             on: scope.db)
        }
    }

    /// More months, with a reason; never past six in all.
    func extend(_ match: ProposedMatches.Loaded, months: Int?, reason: String, by coordinator: User) async throws {
        var errors: [FieldError] = []
        if months == nil || months! < 1 { errors.append(FieldError("months", .outOfRange)) }
        if reason.trimmingWhitespace().isEmpty { errors.append(FieldError("reason", .required)) }
        guard errors.isEmpty, let months else { throw AppError.validation(errors) }
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            try await EngagementWorkflowService.apply(.extend(months: months, reason: reason), to: match.engagement, by: coordinator.role,
                                                      in: scope, now: clock.now())
            try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: scope.db), "engagement_extended",
                                             arguments: [match.need.title, String(months), reason.trimmingWhitespace()],
                                             link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
        }
    }
}
