import ExchangeCore
import Fluent
import Foundation

/// A public body applies to take part: its members attest the three authorisations and its integrity mandate, the
/// platform screens it against the minimum criteria, and a coordinator decides what screening leaves open.
struct PublicBodyParticipationService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    struct Attestations: Sendable, Equatable {
        var proBono: Bool
        var workHours: Bool
        var publicCommunication: Bool
        var integrityMandate: Bool
    }

    /// Screens what the body says now; a body screened before is screened again (the same answers on the same facts
    /// give the same result and record nothing new).
    func submit(_ organisation: Organisation, _ a: Attestations, by user: User) async throws -> Screening<PublicBodyCriterion> {
        guard organisation.kind == .publicBody else { throw AppError.conflict(code: "not_a_public_body") }
        struct Unchanged: Error { let screening: Screening<PublicBodyCriterion> }
        do {
            return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
                // Screens the body as stored now; the same answers screened again give the same result and record nothing.
                let stored = try await organisation.stored(on: scope.db)
                let screening = try await screen(stored, a, on: scope.db)
                let current = stored.participationStatus ?? .draft
                let draft = current == .draft ? current : try ParticipationWorkflow.apply(.reopen, to: current)
                let next = try ParticipationWorkflow.apply(.screen(screening.overall), to: try ParticipationWorkflow.apply(.submit, to: draft))
                let results = ScreeningResult.results(screening)
                if next == current, results.items == stored.screening, stored.attestations == a { throw Unchanged(screening: screening) }
                organisation.proBono = a.proBono
                organisation.workHours = a.workHours
                organisation.publicCommunication = a.publicCommunication
                organisation.integrityMandate = a.integrityMandate
                organisation.participationStatus = next
                organisation.storedScreening = results
                organisation.updatedAt = clock.now()
                try await organisation.save(on: scope.db)
                try await scope.record(.organisationParticipationSubmit, .organisation(organisation.requireID()),
                                       changes: ["status": next.rawValue, "screening": screening.overall.rawValue])
                return screening
            }
        } catch let unchanged as Unchanged {
            return unchanged.screening
        }
    }

    private func screen(_ organisation: Organisation, _ a: Attestations, on db: Database) async throws -> Screening<PublicBodyCriterion> {
        let contacts = try await User.activeMembers(of: organisation.requireID(), on: db).count()
        return PublicBodyScreening.screen(PublicBodyApplication(
            organisationComplete: organisation.publicBodyType != nil && !(organisation.mandate ?? "").trimmingWhitespace().isEmpty
                && !organisation.workingLanguages.isEmpty,
            contactPeople: contacts,
            authorisations: Authorisations(proBono: a.proBono, workHours: a.workHours, publicCommunication: a.publicCommunication),
            confirmsIntegrityMandate: a.integrityMandate))
    }

    /// A coordinator decides a body awaiting review, or overrides its result, with a reason told to its members.
    func decide(_ organisation: Organisation, eligible: Bool, reason: String, by coordinator: User, mailer: Mailer) async throws {
        let trimmed = reason.trimmingWhitespace()
        try await audit.transaction(on: db, actor: .user(coordinator.requireID())) { scope in
            let current = try await organisation.stored(on: scope.db).participationStatus ?? .draft
            let next = try ParticipationWorkflow.Refusal.asAppError(notScreened: "participation_not_screened") { () throws(ParticipationWorkflow.Refusal) in
                try ParticipationWorkflow.coordinatorDecision(eligible: eligible, reason: reason, on: current)
            }
            organisation.participationStatus = next
            organisation.updatedAt = clock.now()
            try await organisation.save(on: scope.db)
            try await scope.record(.organisationParticipationDecide, .organisation(organisation.requireID()), reason: trimmed,
                                   changes: ["status": next.rawValue])
            let members = try await User.activeMembers(of: organisation.requireID(), on: scope.db).all()
            for member in members {
                let language = member.preferredLanguage ?? .fallback
                let status = mailer.catalogs.text("participation.\(next.rawValue)", language)
                try await Notifier(clock: clock).notify(member.requireID(), "notification.participation_decided", arguments: [status],
                                                        link: ParticipationRoute.show.link(try organisation.requireID()), on: scope.db)
                try await mailer.enqueue(to: member.email, language: language, kind: "participation_decided",
                                         arguments: [member.displayName, organisation.name, status, trimmed], on: scope.db)
            }
        }
    }
}

extension Organisation {
    /// What the body last attested, if it has applied.
    var attestations: PublicBodyParticipationService.Attestations? {
        guard let proBono, let workHours, let publicCommunication, let integrityMandate else { return nil }
        return .init(proBono: proBono, workHours: workHours, publicCommunication: publicCommunication, integrityMandate: integrityMandate)
    }
}
