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
        let id = engagement.id!
        let actions = try await ActionItem.query(on: db).filter(\.$engagementID == id).all()
        let items = try await WorkItem.query(on: db).filter(\.$engagement.$id == id).all()
        let facts = ReminderFacts(
            actions: actions.compactMap { a in CalendarDate(a.dueText).map { .init(id: a.id!.uuidString, title: a.text, due: $0, open: a.doneAt == nil) } },
            workItems: items.compactMap { i in i.due.map { .init(id: i.id!.uuidString, title: i.title, due: $0, open: i.status.isOpen) } },
            lastActivity: CalendarDate(engagement.lastActivityAt ?? engagement.createdAt))
        let already = Set(try await SentReminder.query(on: db).filter(\.$engagement.$id == id).all(\.$key))
        let fresh = Reminders.due(facts, today: today, inactivityDays: inactivityDays).filter { !already.contains($0.key) }
        guard !fresh.isEmpty else { return 0 }
        let match = try await ProposedMatches.loaded(engagement, on: db)
        try await audit.transaction(on: db, actor: .system("reminders")) { scope in
            let parties = try await EngagementParties.people(of: match.need, match.expert, on: scope.db)
            let coordinators = try await EngagementParties.coordinators(on: scope.db)
            for reminder in fresh {
                try await SentReminder(engagementID: id, key: reminder.key, now: clock.now()).create(on: scope.db)
                // Overdue actions are the parties' to do; lateness and silence also go to the coordinators.
                let people = reminder.kind == .overdueAction ? parties : parties + coordinators.filter { c in !parties.contains { $0.id == c.id } }
                try await EngagementParties.tell(people, "reminder_\(reminder.kind.rawValue)", arguments: [match.need.title, reminder.subject],
                                                 link: Paths.work(id), clock: clock, mailer: mailer, on: scope.db)
                try await scope.record(.reminderSend, .engagement(id), changes: ["kind": reminder.kind.rawValue])
            }
        }
        return fresh.count
    }
}

extension Application {
    var reminders: ReminderService {
        ReminderService(db: db, audit: auditLog, clock: clock, mailer: mailer, inactivityDays: configuration.inactivityDays)
    }
}

/// Runs the reminders every `REMINDER_INTERVAL_MINUTES` while the server runs (0 turns it off, e.g. when cron runs
/// `integrity reminders`).
struct ReminderLifecycle: LifecycleHandler {
    final class Box: @unchecked Sendable { var task: Task<Void, Never>? }
    let box = Box()

    func didBootAsync(_ application: Application) async throws {
        let minutes = application.configuration.reminderIntervalMinutes
        guard minutes > 0, application.environment != .testing else { return }
        box.task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(minutes * 60))
                do {
                    _ = try await application.reminders.run()
                } catch {
                    application.logger.warning("reminder pass failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        box.task?.cancel()
    }
}
