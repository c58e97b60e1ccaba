import Fluent
import SQLKit

/// Complaints (issue 20) are routed by category and region to an authority, and counted in public statistics. A
/// report keeps readable only what that needs: its region, its statistical answers, the authority it went to, the days
/// of its first response and of its closing, and whether it lacks the evidence minimum (intake quality). Everything
/// else stays sealed.
struct M040_AddComplaintRouting: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ComplaintRoute.schema)
            .id()
            .field("category", .string, .required)
            .field("region", .string, .required)
            .field("authority_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("created_at", .datetime, .required)
            .unique(on: "category", "region")
            .create()
        try await NullableColumns.add(Self.reportColumns, to: Report.schema, on: database)
        try await database.sql.create(index: "reports_submitted_on").on(Report.schema).column("submitted_on").run()
        try await database.sql.create(index: "complaint_routes_authority_id").on(ComplaintRoute.schema).column("authority_id").run()
    }

    static let reportColumns: [NullableColumns.Column] = [
        ("region", .string), ("statistics", .json), ("authority_id", .uuid), ("first_response_on", .datetime), ("closed_on", .datetime),
        ("lacks_evidence", .bool),
    ]

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "reports_submitted_on").run()
        try await database.sql.drop(index: "complaint_routes_authority_id").run()
        try await NullableColumns.drop(Self.reportColumns, from: Report.schema, on: database)
        try await database.schema(ComplaintRoute.schema).delete()
    }
}
