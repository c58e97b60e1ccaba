import Fluent

/// The mail outbox and in-app notifications: every message the platform sends is stored first.
struct M005_CreateMessaging: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(MailMessage.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("language", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await database.schema(UserNotification.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("message_key", .string, .required)
            .field("arguments", .string, .required)
            .field("link", .string)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UserNotification.schema).delete()
        try await database.schema(MailMessage.schema).delete()
    }
}
