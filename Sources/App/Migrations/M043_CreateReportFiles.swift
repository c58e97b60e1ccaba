import Fluent
import SQLKit

/// Files in a report's thread (issue 20): sealed in chunks, with their names sealed apart, each tied to the message
/// it came with. Shredding deletes them with the messages.
struct M043_CreateReportFiles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReportFile.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, "id"))
            .field("message_id", .uuid, .required, .references(ReportMessage.schema, "id"))
            .field("number", .int, .required)
            .field("sealed_name", .data, .required)
            .field("sealed", .data, .required)
            .unique(on: "message_id", "number")
            .create()
        try await database.sql.create(index: "\(ReportFile.schema)_report_id").on(ReportFile.schema).column("report_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "\(ReportFile.schema)_report_id").run()
        try await database.schema(ReportFile.schema).delete()
    }
}
