import Fluent

/// Terms of Reference can be kept unfinished between sittings, rules still broken, without becoming a version that
/// voids signatures: one kept draft per match (the unique engagement id).
struct M037_CreateTermsDrafts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TermsDraft.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("fields", .json, .required)
            .field("saved_by", .uuid, .required, .references(User.schema, .id))
            .field("saved_at", .datetime, .required)
            .unique(on: "engagement_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TermsDraft.schema).delete()
    }
}
