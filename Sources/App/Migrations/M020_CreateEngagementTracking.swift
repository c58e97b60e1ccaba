import Fluent

/// Tracking an active engagement: the deliverables and milestones its signed Terms plan, the meeting log with its
/// action items, messages, documents (files under DATA_DIR, rows here), and the reminders already sent, so none is
/// sent twice. Engagements remember their last activity for the inactivity reminder. Dates that mean a day are
/// yyyy-MM-dd text, which sorts and compares the same on both engines.
struct M020_CreateEngagementTracking: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await NullableColumns.add([("last_activity_at", .datetime)], to: Engagement.schema, on: database)
        try await database.schema(WorkItem.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("kind", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("due", .string, .required)
            .field("goal", .int)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(Meeting.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("date", .string, .required)
            .field("attendees", .string, .required)
            .field("agenda", .string, .required)
            .field("decisions", .string, .required)
            .field("outcomes", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(ActionItem.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(Meeting.schema, .id))
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("description", .string, .required)
            .field("owner", .string, .required)
            .field("due", .string, .required)
            .field("done_at", .datetime)
            .create()
        try await database.schema(EngagementMessage.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("body", .string, .required)
            .field("posted_at", .datetime, .required)
            .create()
        try await database.schema(EngagementDocument.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("filename", .string, .required)
            .field("format", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required, .references(User.schema, .id))
            .field("uploaded_at", .datetime, .required)
            .create()
        try await database.schema(SentReminder.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("key", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "engagement_id", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [SentReminder.schema, EngagementDocument.schema, EngagementMessage.schema, ActionItem.schema, Meeting.schema, WorkItem.schema] {
            try await database.schema(schema).delete()
        }
        try await NullableColumns.drop([("last_activity_at", .datetime)], from: Engagement.schema, on: database)
    }
}
