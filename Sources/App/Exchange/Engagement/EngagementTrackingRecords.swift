import ExchangeCore
import Fluent
import Foundation

/// A deliverable or milestone of an active engagement, from its signed Terms of Reference.
final class WorkItem: Model, @unchecked Sendable {
    static let schema = "work_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "kind") var kind: WorkItemKind
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "due") var dueText: String
    @OptionalField(key: "goal") var goal: Int?
    @Field(key: "status") var status: WorkItemStatus
    @Field(key: "note") var note: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(engagementID: UUID, planned: PlannedWorkItem, position: Int, now: Date) {
        id = UUID()
        $engagement.id = engagementID
        kind = planned.kind
        self.position = position
        title = planned.title
        dueText = planned.due.description
        goal = planned.goal
        status = .planned
        note = ""
        updatedAt = now
    }

    var due: CalendarDate? { CalendarDate(dueText) }
}

final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "date") var dateText: String
    @Field(key: "attendees") var attendees: String
    @Field(key: "agenda") var agenda: String
    @Field(key: "decisions") var decisions: String
    @Field(key: "outcomes") var outcomes: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "recorded_at") var recordedAt: Date
    @Children(for: \.$meeting) var actions: [ActionItem]

    init() {}

    init(engagementID: UUID, record: MeetingRecord, by user: UUID, now: Date) {
        id = UUID()
        $engagement.id = engagementID
        dateText = record.date.description
        attendees = record.attendees
        agenda = record.agenda
        decisions = record.decisions
        outcomes = record.outcomes
        recordedBy = user
        recordedAt = now
    }
}

/// Something a meeting asked someone to do, by a date.
final class ActionItem: Model, @unchecked Sendable {
    static let schema = "action_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "engagement_id") var engagementID: UUID
    @Field(key: "description") var text: String
    @Field(key: "owner") var owner: String
    @Field(key: "due") var dueText: String
    @OptionalField(key: "done_at") var doneAt: Date?

    init() {}

    init(meetingID: UUID, engagementID: UUID, item: MeetingRecord.ActionItem) {
        id = UUID()
        $meeting.id = meetingID
        self.engagementID = engagementID
        text = item.description
        owner = item.owner
        dueText = item.due.description
    }
}

final class EngagementMessage: Model, @unchecked Sendable {
    static let schema = "engagement_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Parent(key: "author_id") var author: User
    @Field(key: "body") var body: String
    @Field(key: "posted_at") var postedAt: Date

    init() {}

    init(engagementID: UUID, author: UUID, body: String, now: Date) {
        id = UUID()
        $engagement.id = engagementID
        $author.id = author
        self.body = body
        postedAt = now
    }
}

/// A file kept for an engagement; the bytes live under DATA_DIR/documents, named by this row's id.
final class EngagementDocument: Model, @unchecked Sendable {
    static let schema = "engagement_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "filename") var filename: String
    @Field(key: "format") var format: DocumentFormat
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Parent(key: "uploaded_by") var uploader: User
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// A reminder already sent, by the key that identifies its cause.
final class SentReminder: Model, @unchecked Sendable {
    static let schema = "sent_reminders"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "key") var key: String
    @Field(key: "sent_at") var sentAt: Date

    init() {}

    init(engagementID: UUID, key: String, now: Date) {
        id = UUID()
        $engagement.id = engagementID
        self.key = key
        sentAt = now
    }
}
