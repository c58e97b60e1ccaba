import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Drafting, changing and submitting needs, each change audited.
struct NeedService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let taxonomy: SkillsTaxonomy
    let mailer: Mailer

    /// A draft may be incomplete, but what it says must be well-formed.
    func create(_ draft: NeedDraft, readiness: ReadinessAssessment, organisationID: UUID, by user: User) async throws -> Need {
        let details = try wellFormed(draft, readiness)
        guard let organisation = try await Organisation.find(organisationID, on: db), organisation.kind == .publicBody else {
            throw AppError.validation([FieldError("organisationID", .organisationKindMismatch)])
        }
        return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            let need = Need()
            need.id = UUID()
            need.$organisation.id = organisationID
            need.status = .draft
            need.createdBy = try user.requireID()
            need.createdAt = clock.now()
            need.apply(details, readiness: readiness, now: clock.now())
            try await need.create(on: scope.db)
            try await scope.record(.needCreate, .need(need.requireID()), changes: ["title": need.title, "organisation": organisationID.uuidString])
            return need
        }
    }

    func update(_ need: Need, with draft: NeedDraft, readiness: ReadinessAssessment, by user: User) async throws -> Need {
        let details = try wellFormed(draft, readiness)
        return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            need.status = try await need.stored(on: scope.db).status
            guard need.status == .draft else { throw AppError.conflict(code: "need_not_draft") }
            need.apply(details, readiness: readiness, now: clock.now())
            try await need.save(on: scope.db)
            try await scope.record(.needUpdate, .need(need.requireID()), changes: ["title": need.title])
            return need
        }
    }

    /// Submitting checks every rule, then screens the need: real or limited data access is for a coordinator to review.
    func submit(_ need: Need, by user: User) async throws -> Need {
        let details = need.details
        let outcome: ScreeningOutcome
        switch NeedScreening.screen(details, readiness: need.readiness, taxonomy: taxonomy) {
        case .incomplete(let errors): throw AppError.validation(errors)
        case .screened(let screened): outcome = screened
        }
        return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            // The content screened is the content stored: an edit or a second submission meanwhile is seen here.
            let stored = try await need.stored(on: scope.db)
            guard stored.details == details, stored.readiness == need.readiness else { throw AppError.conflict(code: "need_changed") }
            let submitted = try ParticipationWorkflow.apply(.submit, to: stored.status)
            let screened = try ParticipationWorkflow.apply(.screen(outcome), to: submitted)
            need.status = screened
            need.updatedAt = clock.now()
            try await need.save(on: scope.db)
            try await scope.record(.needSubmit, .need(need.requireID()), changes: ["status": screened.rawValue])
            if screened == .screened {
                try await EngagementParties.tell(try await EngagementParties.coordinators(on: scope.db), "need_to_screen", arguments: [need.title],
                                                 link: NeedRoute.show.link(try need.requireID()), clock: clock, mailer: mailer, on: scope.db)
            }
            return need
        }
    }

    /// A coordinator decides a need awaiting review, or overrides its screening, with a written reason that is
    /// audited and told to the body's members.
    func decide(_ need: Need, eligible: Bool, reason: String, by coordinator: User) async throws -> Need {
        let trimmed = reason.trimmingWhitespace()
        return try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            let current = try await need.stored(on: scope.db).status
            let next = try ParticipationWorkflow.Refusal.asAppError(notScreened: "need_not_screened") { () throws(ParticipationWorkflow.Refusal) in
                try ParticipationWorkflow.coordinatorDecision(eligible: eligible, reason: reason, on: current)
            }
            need.status = next
            need.updatedAt = clock.now()
            try await need.save(on: scope.db)
            try await scope.record(.needDecide, .need(need.requireID()), reason: trimmed, changes: ["status": next.rawValue])
            let members = try await User.activeMembers(of: need.$organisation.id, on: scope.db).all()
            for member in members {
                let language = member.preferredLanguage ?? .fallback
                let status = mailer.catalogs.text("participation.\(next.rawValue)", language)
                try await Notifier(clock: clock).notify(member.requireID(), "notification.need_decided", arguments: [need.title, status],
                                                        link: NeedRoute.show.link(try need.requireID()), on: scope.db)
                try await mailer.enqueue(to: member.email, language: language, kind: "need_decided",
                                         arguments: [member.displayName, need.title, status, trimmed], on: scope.db)
            }
            return need
        }
    }

    /// The draft as typed values, refusing malformed values (as opposed to missing ones, which a draft may have).
    private func wellFormed(_ draft: NeedDraft, _ readiness: ReadinessAssessment) throws -> NeedDetails {
        let readinessErrors = readiness.validate().filter { $0.code != .required }
        switch draft.details(against: taxonomy) {
        case .success(let details) where readinessErrors.isEmpty: return details
        case .success: throw AppError.validation(readinessErrors)
        case .failure(let failure): throw AppError.validation(failure.errors + readinessErrors)
        }
    }
}

extension ParticipationWorkflow.Refusal: AbortError {
    public var status: HTTPResponseStatus { .conflict }
    public var reason: String { "this move is not allowed from the current status" }

    /// Runs a coordinator's move, turning a refusal into what a person can act on:
    /// a missing reason is a field error; a move from the wrong status is a conflict.
    static func asAppError<T>(notScreened code: String, _ move: () throws(ParticipationWorkflow.Refusal) -> T) throws(AppError) -> T {
        do {
            return try move()
        } catch .reasonRequired {
            throw .validation([FieldError("reason", .required)])
        } catch {
            throw .conflict(code: code)
        }
    }
}
