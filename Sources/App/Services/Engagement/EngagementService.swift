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

    func cancel(_ match: ProposedMatches.Loaded, reason: String, by coordinator: User) async throws {
        // A missing reason is bad input (422), not a refused step.
        guard !reason.trimmingWhitespace().isEmpty else { throw AppError.validation([FieldError("reason", .required)]) }
        try await audit.transaction(on: db, actor: .user(coordinator.id!)) { scope in
            try await EngagementWorkflowService.apply(.cancel(reason: reason), to: match.engagement, by: coordinator.role, in: scope,
                                                      now: clock.now())
            try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: scope.db),
                                             "engagement_cancelled", arguments: [match.need.title, reason.trimmingWhitespace()],
                                             link: Paths.match(match.engagement.id!), clock: clock, mailer: mailer, on: scope.db)
        }
    }
}

extension Request {
    var engagements: EngagementService {
        EngagementService(db: db, audit: application.auditLog, clock: application.clock, mailer: application.mailer)
    }
}
