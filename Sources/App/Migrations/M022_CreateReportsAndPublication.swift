import Fluent

/// Closing reports, each side's consent to publish per item, and what was published after a coordinator's
/// redaction, so the public pages show exactly the previewed texts and nothing without consent.
struct M022_CreateReportsAndPublication: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ClosingReport.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("outcome", .string, .required)
            .field("lessons", .string, .required)
            .field("recommendations", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "engagement_id")
            .create()
        try await database.schema(PublicationConsent.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("item", .string, .required)
            .field("party", .string, .required)
            .field("consented", .bool, .required)
            .field("decided_by", .uuid, .required)
            .field("decided_at", .datetime, .required)
            .unique(on: "engagement_id", "item", "party")
            .create()
        try await database.schema(Publication.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("need_title", .string, .required)
            .field("texts", .string, .required)
            .field("post", .string, .required)
            .field("published_by", .uuid, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "engagement_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Publication.schema).delete()
        try await database.schema(PublicationConsent.schema).delete()
        try await database.schema(ClosingReport.schema).delete()
    }
}
