import Fluent
import SQLKit

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
        try await database.sql.create(index: "terms_drafts_saved_by").on(TermsDraft.schema).column("saved_by").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "terms_drafts_saved_by").run()
        try await database.schema(TermsDraft.schema).delete()
    }
}
