import Fluent
import SQLKit

/// Forwarding (issue 20): a reader sends a redacted copy of a report to another organisation, sealed under its own
/// key and wrapped for that organisation's readers only, so they read the copy and never the report.
struct M045_CreateReportForwards: AsyncMigration {
    private static let indexed = [(ReportForward.schema, "report_id"), (ReportForward.schema, "organisation_id"), (ReportForward.schema, "forwarded_by")]

    func prepare(on database: Database) async throws {
        try await database.schema(ReportForward.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, "id"))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("forwarded_by", .uuid, .required, .references(User.schema, "id"))
            .field("sealed", .data, .required)
            .field("withheld", .int, .required)
            .field("forwarded_on", .datetime, .required)
            .create()
        try await database.schema(ReportForwardKey.schema)
            .id()
            .field("forward_id", .uuid, .required, .references(ReportForward.schema, "id"))
            .field("reader_id", .string, .required)
            .field("enc", .data, .required)
            .field("ciphertext", .data, .required)
            .unique(on: "forward_id", "reader_id")
            .create()
        for (table, column) in Self.indexed {
            try await database.sql.create(index: "\(table)_\(column)").on(table).column(column).run()
        }
        // A reader finds the copies wrapped for them without reading every key.
        try await database.sql.create(index: "\(ReportForwardKey.schema)_reader_id").on(ReportForwardKey.schema).column("reader_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "\(ReportForwardKey.schema)_reader_id").run()
        for (table, column) in Self.indexed {
            try await database.sql.drop(index: "\(table)_\(column)").run()
        }
        try await database.schema(ReportForwardKey.schema).delete()
        try await database.schema(ReportForward.schema).delete()
    }
}
