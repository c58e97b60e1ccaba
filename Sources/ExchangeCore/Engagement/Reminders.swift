/// What the reminder job looks at in one engagement, and the reminders that are due. Each reminder has a key that
/// stays the same while its cause does, so sending is done once per key.
public struct ReminderFacts: Sendable {
    public struct Dated: Sendable, Equatable {
        public let id: String
        public let title: String
        public let due: CalendarDate
        public let open: Bool

        public init(id: String, title: String, due: CalendarDate, open: Bool) {
            (self.id, self.title, self.due, self.open) = (id, title, due, open)
        }
    }

    public var actions: [Dated]
    public var workItems: [Dated]
    /// One per person asked to evaluate, due when the answer is late; open until answered.
    public var evaluations: [Dated]
    public var lastActivity: CalendarDate

    public init(actions: [Dated], workItems: [Dated], evaluations: [Dated] = [], lastActivity: CalendarDate) {
        (self.actions, self.workItems, self.evaluations, self.lastActivity) = (actions, workItems, evaluations, lastActivity)
    }
}

public struct Reminder: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case overdueAction = "overdue_action"
        case overdueWorkItem = "overdue_work_item"
        case evaluationDue = "evaluation_due"
        case inactive
    }

    public let kind: Kind
    public let key: String
    /// What the reminder names: an action or item title, or the day of the last activity.
    public let subject: String
    /// The id of the fact behind it, so the caller knows whom an evaluation reminder is for.
    public let factID: String?

    init(kind: Kind, key: String, subject: String, factID: String? = nil) {
        (self.kind, self.key, self.subject, self.factID) = (kind, key, subject, factID)
    }
}

public enum Reminders {
    public static let defaultInactivityDays = 14
    /// Days after a questionnaire is sent before an unanswered one is reminded.
    public static let evaluationGraceDays = 7

    public static func due(_ facts: ReminderFacts, today: CalendarDate, inactivityDays: Int = defaultInactivityDays) -> [Reminder] {
        let overdue = { (kind: Reminder.Kind, items: [ReminderFacts.Dated]) in
            items.filter { $0.open && $0.due < today }
                .map { Reminder(kind: kind, key: "\(kind.rawValue):\($0.id):\($0.due)", subject: $0.title, factID: $0.id) }
        }
        var reminders = overdue(.overdueAction, facts.actions) + overdue(.overdueWorkItem, facts.workItems)
            + overdue(.evaluationDue, facts.evaluations)
        if today.dayNumber - facts.lastActivity.dayNumber >= inactivityDays {
            // A new quiet spell, after new activity, is a new reminder.
            reminders.append(Reminder(kind: .inactive, key: "inactive:\(facts.lastActivity)", subject: facts.lastActivity.description))
        }
        return reminders
    }
}
