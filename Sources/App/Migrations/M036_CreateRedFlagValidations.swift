import Fluent

/// A red-flag run can be checked against known outcomes from the pages and the API, and the demo shows one: the
/// result is kept, one per run (the unique run id), so every instance reads the same.
struct M036_CreateRedFlagValidations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RedFlagValidation.schema)
            .id()
            .field("run_id", .uuid, .required, .references(RedFlagRun.schema, .id))
            .field("file_name", .string, .required)
            .field("labels_digest", .string, .required)
            .field("treatment", .int, .required)
            .field("control", .int, .required)
            .field("missing", .int, .required)
            .field("rows", .json, .required)
            .field("validated_by", .uuid, .required)
            .field("validated_at", .datetime, .required)
            .unique(on: "run_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RedFlagValidation.schema).delete()
    }
}
