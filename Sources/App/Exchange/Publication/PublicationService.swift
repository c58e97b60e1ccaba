import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The closing report of an engagement, each side's consent to publish it item by item, and the publication
/// itself: a coordinator's redacted texts, previewed, then shown on the public pages.
struct PublicationService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer

    /// What the report page shows beside what the parties wrote: the promise, the work, the decisions and what the
    /// closing questionnaires recommended.
    /// What the engagement recorded that its closing report draws on.
    struct Facts: Sendable {
        struct Deliverable: Sendable { let title: String; let status: WorkItemStatus }
        struct Decision: Sendable { let date: String; let text: String }
        let successStatement: String?
        let deliverables: [Deliverable]
        let decisions: [Decision]
        let recommendations: [String]
    }

    func report(_ match: ProposedMatches.Loaded) async throws -> ClosingReport? {
        try await ClosingReport.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).first()
    }

    func facts(_ match: ProposedMatches.Loaded) async throws -> Facts {
        let id = try match.engagement.requireID()
        let terms = try await TermsVersion.query(on: db).filter(\.$engagement.$id == id).sort(\.$number, .descending).first()?.terms
        let meetings = try await Meeting.query(on: db).filter(\.$engagement.$id == id).sort(\.$dateText).all()
        let post = try await EvaluationRound.query(on: db).filter(\.$engagement.$id == id).filter(\.$stage == .post).with(\.$responses).first()
        return Facts(
            successStatement: terms?.successStatement,
            deliverables: try await WorkItem.query(on: db).filter(\.$engagement.$id == id).sort(\.$position).all().map { .init(title: $0.title, status: $0.status) },
            decisions: meetings.filter { !$0.decisions.isEmpty }.map { .init(date: $0.dateText, text: $0.decisions) },
            recommendations: post?.responses.compactMap { response -> String? in
                if case .text(let text)? = response.answers["recommendations"] { return text }
                return nil
            } ?? [])
    }

    /// The report is written while the engagement closes and after, by staff and both parties.
    func saveReport(outcome: String?, lessons: String?, recommendations: String?, on match: ProposedMatches.Loaded, by user: User) async throws {
        var v = Validator()
        let outcome = v.text("outcome", outcome, maxLength: 4000)
        let lessons = v.text("lessons", lessons, maxLength: 4000)
        let recommendations = v.text("recommendations", recommendations, required: false, maxLength: 4000)
        guard v.isValid else { throw AppError.validation(v.errors) }
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            try await match.engagement.reloadState(on: scope.db)
            guard [.closing, .closed].contains(match.engagement.stage) else { throw AppError.conflict(code: "engagement_not_closing") }
            let stored = try await ClosingReport.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID()).first()
            // Saving the same text again changes nothing and is not recorded again.
            if let stored, stored.outcome == outcome, stored.lessons == lessons, stored.recommendations == recommendations {
                throw AuditLogService.NothingToChange()
            }
            let report = stored ?? ClosingReport()
            report.$engagement.id = try match.engagement.requireID()
            report.outcome = outcome
            report.lessons = lessons
            report.recommendations = recommendations
            report.updatedBy = try user.requireID()
            report.updatedAt = clock.now()
            try await report.save(on: scope.db)
            try await scope.record(.reportSave, .engagement(match.engagement.requireID()))
            // The first version asks both sides what may be published; later edits do not ask again.
            if stored == nil {
                let parties = try await EngagementParties.people(of: match.need, match.expert, on: scope.db).filter { $0.id != user.id }
                try await EngagementParties.tell(parties, "consent_requested", arguments: [match.need.title],
                                                 link: ReportRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
            }
        }
    }

    func consents(_ match: ProposedMatches.Loaded) async throws -> PublicationConsents {
        try await Self.consents(of: match, on: db)
    }

    private static func consents(of match: ProposedMatches.Loaded, on db: Database) async throws -> PublicationConsents {
        let rows = try await PublicationConsent.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).filter(\.$consented == true).all()
        return PublicationConsents(Dictionary(grouping: rows, by: \.item).mapValues { Set($0.map(\.party)) })
    }

    /// A side's consent, item by item. Withdrawing consent takes the item off the public pages at once.
    func setConsents(_ items: Set<PublicationItem>, on match: ProposedMatches.Loaded, as party: DeclaringParty, by user: User) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            // The same answer again changes nothing and is not recorded again.
            let rows = try await PublicationConsent.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID())
                .filter(\.$party == party).all()
            if rows.count == PublicationItem.allCases.count, Set(rows.filter(\.consented).map(\.item)) == items {
                throw AuditLogService.NothingToChange()
            }
            for item in PublicationItem.allCases {
                let row = try await PublicationConsent.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID())
                    .filter(\.$item == item).filter(\.$party == party).first() ?? PublicationConsent()
                row.$engagement.id = try match.engagement.requireID()
                row.item = item
                row.party = party
                row.consented = items.contains(item)
                row.decidedBy = try user.requireID()
                row.decidedAt = clock.now()
                try await row.save(on: scope.db)
            }
            try await scope.record(.publicationConsent, .engagement(match.engagement.requireID()),
                                   changes: ["party": party.rawValue, "items": items.map(\.rawValue).sorted().joined(separator: ",")])
            try await EngagementParties.tell(try await EngagementParties.coordinators(on: scope.db), "consent_given",
                                             arguments: [match.need.title, user.displayName],
                                             link: ReportRoute.show.link(try match.engagement.requireID()), clock: clock, mailer: mailer, on: scope.db)
            if let published = try await Publication.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID()).first() {
                let withdrawn = Set(published.texts.keys).subtracting(items)
                guard !withdrawn.isEmpty else { return }
                published.withdraw(withdrawn)
                if published.texts.isEmpty {
                    try await published.delete(on: scope.db)
                } else {
                    try await published.save(on: scope.db)
                }
                try await scope.record(.publicationWithdraw, .engagement(match.engagement.requireID()),
                                       changes: ["items": withdrawn.map(\.rawValue).sorted().joined(separator: ",")])
            }
        }
    }

    func publication(_ match: ProposedMatches.Loaded) async throws -> Publication? {
        try await Publication.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).first()
    }

    /// Publishes a closed engagement's redacted texts, only for items both sides consented to.
    func publish(_ draft: PublicationDraft, on match: ProposedMatches.Loaded, by coordinator: User) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: .user(coordinator.requireID())) { scope in
            // Checked against the consents stored now: one withdrawn meanwhile is never published.
            try await match.engagement.reloadState(on: scope.db)
            guard match.engagement.stage == .closed else { throw AppError.conflict(code: "engagement_not_closed") }
            let (checked, errors) = draft.checked(against: try await Self.consents(of: match, on: scope.db))
            guard let checked else { throw AppError.validation(errors) }
            let stored = try await Publication.query(on: scope.db).filter(\.$engagement.$id == match.engagement.requireID()).first()
            if let stored, stored.texts == checked.texts, stored.post == checked.post { throw AuditLogService.NothingToChange() }
            let publication = stored ?? Publication()
            publication.$engagement.id = try match.engagement.requireID()
            publication.needTitle = match.need.title
            publication.setTexts(checked.texts, summaries: generatedSummaries(checked.texts[.summary], match))
            publication.post = checked.post
            publication.publishedBy = try coordinator.requireID()
            publication.publishedAt = clock.now()
            try await publication.save(on: scope.db)
            try await scope.record(.publicationPublish, .engagement(match.engagement.requireID()),
                                   changes: ["items": checked.texts.keys.map(\.rawValue).sorted().joined(separator: ",")])
        }
    }

    /// A summary left as generated ("… worked with a private-sector data expert …", in whichever language) is kept
    /// in all three, so each public page shows it in its reader's language; one the coordinator rewrote stays as written.
    private func generatedSummaries(_ summary: String?, _ match: ProposedMatches.Loaded) -> [SupportedLanguage: String] {
        let generated = Dictionary(uniqueKeysWithValues: SupportedLanguage.allCases.map {
            ($0, mailer.catalogs.text("publication.default_summary", $0, [match.organisation.name, match.need.title]))
        })
        guard let summary, generated.values.contains(summary) else { return [:] }
        return generated
    }

    func published() async throws -> [Publication] {
        try await Publication.query(on: db).sort(\.$publishedAt, .descending).all()
    }
}
