import Fluent

/// Red-flag runs from the web: analysts upload OCDS and read results later, so runs and their results are kept.
struct M024_CreateRedFlagRuns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RedFlagRun.schema)
            .id()
            .field("status", .string, .required)
            .field("file_name", .string, .required)
            .field("settings", .string, .required)
            .field("processes", .int, .required)
            .field("upload_summary", .string, .required)
            .field("results", .string)
            .field("risk", .string)
            .field("parties", .string)
            .field("data_import_id", .uuid, .references(DataImport.schema, .id))
            .field("failure", .string)
            .field("started_by", .uuid, .required, .references(User.schema, .id))
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RedFlagRun.schema).delete()
    }
}
