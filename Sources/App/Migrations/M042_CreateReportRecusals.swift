import Fluent

/// Recusal (issue 20): a reader who steps aside loses their wrapped key, and this row remembers that they did, so a
/// second click is told so (409) and the key is never wrapped for them again by a forward.
struct M042_CreateReportRecusals: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReportRecusal.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, "id"))
            .field("reader_id", .string, .required)
            .field("recused_on", .datetime, .required)
            .unique(on: "report_id", "reader_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ReportRecusal.schema).delete()
    }
}
