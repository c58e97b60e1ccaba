/// What an engagement tracks once it is active: the deliverables and milestones its signed Terms of Reference
/// promise, each with a status.
public enum WorkItemKind: String, CaseIterable, Codable, Sendable { case deliverable, milestone }

public enum WorkItemStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case inProgress = "in_progress"
    case done
    /// Agreed to be left out, with a note saying why.
    case dropped

    public var isOpen: Bool { self == .planned || self == .inProgress }
}

/// A deliverable or milestone as the Terms of Reference plan it.
public struct PlannedWorkItem: Sendable, Equatable {
    public let kind: WorkItemKind
    public let title: String
    public let due: CalendarDate
    /// The goal a deliverable serves, 1-based.
    public let goal: Int?

    /// Deliverables in goal order, then milestones by date.
    public static func plan(_ terms: TermsOfReference) -> [PlannedWorkItem] {
        terms.deliverables.map { PlannedWorkItem(kind: .deliverable, title: $0.title, due: $0.due, goal: $0.goal) }
            + terms.milestones.sorted { $0.due < $1.due }.map { PlannedWorkItem(kind: .milestone, title: $0.title, due: $0.due, goal: nil) }
    }
}

/// A change of status; dropping something needs a note.
public struct WorkItemUpdate: Sendable, Equatable {
    public let status: WorkItemStatus
    public let note: String

    public static func parse(status: String?, note: String?) -> (WorkItemUpdate?, [FieldError]) {
        var v = Validator()
        let status = v.choice("status", status, as: WorkItemStatus.self)
        let note = v.text("note", note, required: status == .dropped, maxLength: 2000)
        guard v.isValid, let status else { return (nil, v.errors) }
        return (WorkItemUpdate(status: status, note: note), [])
    }
}

/// A meeting as the log keeps it: when, who, what was discussed, decided and achieved, and what is to be done.
public struct MeetingRecord: Codable, Sendable, Equatable {
    public struct ActionItem: Codable, Sendable, Equatable {
        public var description: String
        public var owner: String
        public var due: CalendarDate
    }

    public var date: CalendarDate
    public var attendees: String
    public var agenda: String
    public var decisions: String
    public var outcomes: String
    public var actions: [ActionItem]
}

public struct MeetingDraft: Sendable, Equatable {
    public struct ActionRow: Sendable, Equatable {
        public var description: String?, owner: String?, due: String?
        public init(description: String? = nil, owner: String? = nil, due: String? = nil) {
            (self.description, self.owner, self.due) = (description, owner, due)
        }
        var isEmpty: Bool { [description, owner, due].allSatisfy { ($0 ?? "").trimmingWhitespace().isEmpty } }
    }

    public var date: String?
    public var attendees: String?
    public var agenda: String?
    public var decisions: String?
    public var outcomes: String?
    public var actions: [ActionRow]

    public init(date: String? = nil, attendees: String? = nil, agenda: String? = nil, decisions: String? = nil, outcomes: String? = nil,
                actions: [ActionRow] = []) {
        (self.date, self.attendees, self.agenda, self.decisions, self.outcomes, self.actions) = (date, attendees, agenda, decisions, outcomes, actions)
    }

    /// A meeting cannot be logged for a day still to come; action items fall due on or after it.
    public func validate(today: CalendarDate) -> Result<MeetingRecord, ValidationFailure> {
        var v = Validator()
        let date = Self.date(&v, "date", self.date)
        if let date, today < date { v.add("date", .inFuture) }
        let attendees = v.text("attendees", attendees, maxLength: 2000)
        let agenda = v.text("agenda", agenda, maxLength: 4000)
        let decisions = v.text("decisions", decisions, required: false, maxLength: 4000)
        let outcomes = v.text("outcomes", outcomes, required: false, maxLength: 4000)
        var items: [MeetingRecord.ActionItem] = []
        for (index, row) in actions.enumerated() where !row.isEmpty {
            let description = v.text("actions[\(index)].description", row.description, maxLength: 1000)
            let owner = v.text("actions[\(index)].owner", row.owner, maxLength: 200)
            guard let due = Self.date(&v, "actions[\(index)].due", row.due) else { continue }
            if let date, due < date { v.add("actions[\(index)].due", .beforeMeeting) }
            items.append(.init(description: description, owner: owner, due: due))
        }
        guard v.isValid, let date else { return .failure(ValidationFailure(errors: v.errors)) }
        return .success(MeetingRecord(date: date, attendees: attendees, agenda: agenda, decisions: decisions, outcomes: outcomes, actions: items))
    }

    static func date(_ v: inout Validator, _ field: String, _ raw: String?) -> CalendarDate? {
        let text = (raw ?? "").trimmingWhitespace()
        if text.isEmpty {
            v.add(field, .required)
            return nil
        }
        guard let date = CalendarDate(text) else {
            v.add(field, .invalidDate)
            return nil
        }
        return date
    }
}
