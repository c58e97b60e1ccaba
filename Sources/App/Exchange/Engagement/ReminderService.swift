import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Sends the reminders running engagements are due: overdue action items and work items, and no activity for a
/// while. A reminder's key is stored when it is sent, so each cause is told once.
struct ReminderService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer
    let catalogs: Catalogs
    let inactivityDays: Int

    /// Returns the number of reminders sent.
    func run() async throws -> Int {
        let today = CalendarDate(clock.now())
        let running = try await Engagement.query(on: db).filter(\.$stage ~~ [.active, .closing]).all()
        var sent = 0
        for engagement in running {
            sent += try await remind(engagement, today: today)
        }
        return sent
    }

    private func remind(_ engagement: Engagement, today: CalendarDate) async throws -> Int {
        let id = try engagement.requireID()
        let match = try await ProposedMatches.loaded(engagement, on: db)
        try await openMidTermRound(match, today: today)
        let actions = try await ActionItem.query(on: db).filter(\.$engagementID == id).all()
        let items = try await WorkItem.query(on: db).filter(\.$engagement.$id == id).all()
        let parties = try await EngagementParties.people(of: match.need, match.expert, on: db)
        let facts = ReminderFacts(
            actions: try actions.compactMap { a in try CalendarDate(a.dueText).map { .init(id: try a.requireID().uuidString, title: a.text, due: $0, open: a.doneAt == nil) } },
            workItems: try items.compactMap { i in try i.due.map { .init(id: try i.requireID().uuidString, title: i.title, due: $0, open: i.status.isOpen) } },
            evaluations: try await unanswered(match, parties: parties),
            lastActivity: CalendarDate(engagement.lastActivityAt ?? engagement.createdAt))
        let due = Reminders.due(facts, today: today, inactivityDays: inactivityDays)
        guard !due.isEmpty else { return 0 }
        let sent = try await audit.transactionIfChanged(on: db, actor: .system("reminders")) { scope in
            // Read where the reminders are recorded: an overlapping pass (another process, cron) sent them once.
            let already = Set(try await SentReminder.query(on: scope.db).filter(\.$engagement.$id == id).all(\.$key))
            let fresh = due.filter { !already.contains($0.key) }
            guard !fresh.isEmpty else { throw AuditLogService.NothingToChange() }
            let coordinators = try await EngagementParties.coordinators(besides: parties, on: scope.db)
            for reminder in fresh {
                try await SentReminder(engagementID: id, key: reminder.key, now: clock.now()).create(on: scope.db)
                // A quiet spell is told by its last active day, in the reader's language.
                let subject = { (text: PageText) in reminder.kind == .inactive ? text.day(facts.lastActivity) : reminder.subject }
                try await EngagementParties.tell(recipients(reminder, parties: parties, coordinators: coordinators), "reminder_\(reminder.kind.rawValue)",
                                                 localised: { [match.need.title, subject($0)] }, link: link(reminder, id),
                                                 clock: clock, mailer: mailer, on: scope.db)
                try await scope.record(.reminderSend, .engagement(id), changes: ["kind": reminder.kind.rawValue])
            }
            return fresh.count
        }
        return sent ?? 0
    }

    /// Overdue actions are the parties' to do; an evaluation is one person's; lateness and silence also go to the
    /// coordinators.
    private func recipients(_ reminder: Reminder, parties: [User], coordinators: [User]) -> [User] {
        switch reminder.kind {
        case .overdueAction: parties
        case .evaluationDue: parties.filter { $0.id?.uuidString == reminder.factID?.split(separator: ":").last.map(String.init) }
        case .overdueWorkItem, .inactive: parties + coordinators
        }
    }

    private func link(_ reminder: Reminder, _ id: UUID) -> String {
        guard reminder.kind == .evaluationDue, let stage = reminder.factID?.split(separator: ":").first.flatMap({ EvaluationStage(rawValue: String($0)) })
        else { return WorkRoute.show.link(id) }
        return EvaluationRoute.form.link(id, stage)
    }

    /// Everyone on either side who has not answered an open round, due a week after it opened.
    private func unanswered(_ match: ProposedMatches.Loaded, parties: [User]) async throws -> [ReminderFacts.Dated] {
        let rounds = try await EvaluationRound.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).with(\.$responses).all()
        return try rounds.flatMap { round in
            try parties.filter { person in !round.responses.contains { $0.$respondent.id == person.id } }.map { person in
                ReminderFacts.Dated(id: "\(round.stage.rawValue):\(try person.requireID().uuidString)", title: match.need.title,
                                    due: CalendarDate(round.openedAt).adding(days: Reminders.evaluationGraceDays), open: true)
            }
        }
    }

    /// Half-way through the signed Terms' period, both sides are asked how it goes.
    private func openMidTermRound(_ match: ProposedMatches.Loaded, today: CalendarDate) async throws {
        guard match.engagement.stage == .active,
              let terms = try await TermsVersion.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).sort(\.$number, .descending).first()?.terms
        else { return }
        let halfway = terms.start.adding(days: (terms.end.dayNumber - terms.start.dayNumber) / 2)
        guard halfway <= today else { return }
        // Whether it opened now or was already open, the round is there; nothing more to do.
        _ = try await audit.transactionIfChanged(on: db, actor: .system("reminders")) { scope in
            let opened = try await EvaluationService(db: scope.db, audit: audit, clock: clock, mailer: mailer, catalogs: catalogs)
                .open(.mid, for: match, in: scope)
            if !opened { throw AuditLogService.NothingToChange() }
        }
    }
}

extension ReminderService {
    /// The fixed subject of reminder jobs: a sweep concerns the whole programme.
    static let sweepSubject = UUID(uuidString: "00000000-0000-0000-0000-00000000a11e")!

    /// The key of the sweep due at `now`: one per period of `minutes`, whichever instance asks first.
    static func sweepKey(at now: Date, everyMinutes minutes: Int) -> String {
        "reminders:\(Int(now.timeIntervalSince1970) / (minutes * 60))"
    }

    /// Queues this period's sweep unless another instance already has; returns whether this call queued it.
    @discardableResult
    static func enqueueSweep(_ app: Application) async throws -> Bool {
        let now = app.clock.now()
        return try await JobQueue(db: app.db).enqueueOnce(.reminders, subject: sweepSubject,
                                                         uniqueKey: sweepKey(at: now, everyMinutes: app.configuration.reminderIntervalMinutes),
                                                         now: now)
    }

    static func jobHandler(_ app: Application) -> JobHandler {
        JobHandler(run: { _, _ in _ = try await app.registry.reminders.run() }, failed: { _, _ in }, retried: { _, _ in })
    }
}

/// Every `REMINDER_INTERVAL_MINUTES` while the server runs, queues that period's reminder sweep and the day's report
/// retention sweep; with several instances the first to ask queues each and one worker runs it (0 turns both off,
/// e.g. when cron runs `integrity reminders` and `integrity reports shred-expired`).
struct ReminderLifecycle: LifecycleHandler {
    final class Box: @unchecked Sendable { var task: Task<Void, Never>? }
    let box = Box()

    func didBootAsync(_ application: Application) async throws {
        let minutes = application.configuration.reminderIntervalMinutes
        guard minutes > 0, application.environment != .testing else { return }
        box.task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(minutes * 60))
                // Shutdown cancels the sleep; the application must not be touched after that.
                guard !Task.isCancelled else { break }
                do {
                    try await ReminderService.enqueueSweep(application)
                    try await ReportRetentionService.enqueueSweep(application)
                } catch {
                    application.logger.warning("periodic sweep not queued", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        box.task?.cancel()
        await box.task?.value
    }
}
