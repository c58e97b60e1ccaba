import Fluent

/// Evidence for the initiative's six success indicators: qualitative statements with links, optionally about one
/// engagement, recorded by programme staff.
struct M023_CreateSuccessEvidence: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SuccessEvidenceRecord.schema)
            .id()
            .field("indicator", .string, .required)
            .field("statement", .string, .required)
            .field("links", .string, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, .id))
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SuccessEvidenceRecord.schema).delete()
    }
}
