import Fluent

/// Declared conflicts (issue 20): a reader names the parties they must not handle reports about; a report whose
/// answers name one is not wrapped for them. Unique per reader and party, so a double click declares once.
struct M046_CreateReaderConflicts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReaderConflict.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("party", .string, .required)
            .field("normalised", .string, .required)
            .field("declared_at", .datetime, .required)
            .unique(on: "user_id", "normalised")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ReaderConflict.schema).delete()
    }
}
