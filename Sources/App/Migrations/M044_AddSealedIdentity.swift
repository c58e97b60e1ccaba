import Fluent
import SQLKit

/// The sealed identity (issue 20): the identity a reporter may give is sealed under its own key, wrapped for
/// custodians; readers ask for it in writing, and a custodian's approval wraps it for them.
struct M044_AddSealedIdentity: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await NullableColumns.add([("identity", .data)], to: Report.schema, on: database)
        try await database.schema(ReportIdentityKey.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, "id"))
            .field("reader_id", .string, .required)
            .field("enc", .data, .required)
            .field("ciphertext", .data, .required)
            .unique(on: "report_id", "reader_id")
            .create()
        try await database.schema(IdentityRequest.schema)
            .id()
            .field("report_id", .uuid, .required, .references(Report.schema, "id"))
            .field("requester_id", .uuid, .required, .references(User.schema, "id"))
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("decided_by", .uuid, .references(User.schema, "id"))
            .field("decision_note", .string)
            .field("requested_at", .datetime, .required)
            .field("decided_at", .datetime)
            .create()
        for column in Self.indexed {
            try await database.sql.create(index: "\(IdentityRequest.schema)_\(column)").on(IdentityRequest.schema).column(column).run()
        }
    }

    private static let indexed = ["report_id", "requester_id", "decided_by"]

    func revert(on database: Database) async throws {
        for column in Self.indexed {
            try await database.sql.drop(index: "\(IdentityRequest.schema)_\(column)").run()
        }
        try await database.schema(IdentityRequest.schema).delete()
        try await database.schema(ReportIdentityKey.schema).delete()
        try await NullableColumns.drop([("identity", .data)], from: Report.schema, on: database)
    }
}
