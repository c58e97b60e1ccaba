import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Concerns that someone in an exchange promoted or sold something: a party reports, programme staff decide, and
/// only staff ever see who reported.
struct MarketingConcernService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer

    func report(_ report: MarketingConcernReport, on match: ProposedMatches.Loaded, as party: DeclaringParty,
                by reporter: User) async throws -> MarketingConcern {
        let concern = try MarketingConcern(engagementID: match.engagement.requireID(), report: report, by: reporter, as: party, now: clock.now())
        try await audit.transaction(on: db, actor: .user(reporter.requireID())) { scope in
            try await match.engagement.reloadState(on: scope.db)
            guard !match.engagement.state.isFinished else { throw AppError.conflict(code: "engagement_not_from_stage") }
            try await concern.create(on: scope.db)
            // The description may name people; the log keeps who reported (staff-only) and how much evidence.
            try await scope.record(.marketingConcernReport, .engagement(match.engagement.requireID()),
                                   changes: ["concern": try concern.requireID().uuidString.lowercased(), "links": String(report.links.count)])
            try await EngagementParties.tell(try await EngagementParties.coordinators(on: scope.db), "marketing_concern_reported",
                                             arguments: [match.need.title], link: MarketingConcernRoute.show.link(try match.engagement.requireID(), concern.requireID()),
                                             clock: clock, mailer: mailer, on: scope.db)
        }
        return concern
    }

    func concerns(of match: ProposedMatches.Loaded) async throws -> [MarketingConcern] {
        try await MarketingConcern.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).with(\.$reporter)
            .sort(\.$reportedAt, .descending).all()
    }

    func find(_ id: UUID, in match: ProposedMatches.Loaded) async throws -> MarketingConcern {
        guard let concern = try await MarketingConcern.query(on: db).filter(\.$id == id)
            .filter(\.$engagement.$id == (try match.engagement.requireID())).with(\.$reporter).first() else { throw AppError.notFound }
        return concern
    }

    /// Dismissed: the reporter is told. Warning: both parties are reminded of the rule. Cancelled: the match ends
    /// with the text as its reason, and an alternate from the original proposal may be proposed instead.
    func decide(_ decision: MarketingConcernDecision, alternative: UUID?, on concern: MarketingConcern,
                of match: ProposedMatches.Loaded, by coordinator: User) async throws {
        var errors: [FieldError] = []
        let alternate = try await Alternates(db: db).chosen(alternative, for: match, allowed: decision.outcome == .cancelled, errors: &errors)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            // Two coordinators deciding one concern: the second finds it decided.
            guard try await concern.stored(on: scope.db).status == .open else { throw AppError.conflict(code: "marketing_concern_decided") }
            concern.status = decision.outcome
            concern.outcomeText = decision.text
            concern.decidedBy = coordinator.id
            concern.decidedAt = clock.now()
            let everyone = try await EngagementParties.people(of: match.need, match.expert, on: scope.db)
            switch decision.outcome {
            case .open:
                return
            case .dismissed:
                try await EngagementParties.tell(everyone.filter { $0.id == concern.$reporter.id }, "marketing_concern_dismissed",
                                                 arguments: [match.need.title, decision.text], link: MatchRoute.show.link(try match.engagement.requireID()),
                                                 clock: clock, mailer: mailer, on: scope.db)
            case .warning:
                try await EngagementParties.tell(everyone, "marketing_concern_warning", arguments: [match.need.title, decision.text],
                                                 link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
            case .cancelled:
                try await EngagementWorkflowService.apply(.cancel(reason: decision.text), to: match.engagement, by: coordinator.role,
                                                          in: scope, now: clock.now())
                try await EngagementParties.tell(everyone, "engagement_cancelled", arguments: [match.need.title, decision.text],
                                                 link: MatchRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
                if let alternate {
                    concern.alternativeEngagementID = try await Alternates.propose(alternate, for: match, by: coordinator, clock: clock,
                                                                                   mailer: mailer, on: scope.db)
                }
            }
            try await concern.save(on: scope.db)
            try await scope.record(.marketingConcernDecide, .engagement(match.engagement.requireID()), reason: decision.text,
                                   changes: ["concern": try concern.requireID().uuidString.lowercased(), "outcome": decision.outcome.rawValue])
        }
    }
}
