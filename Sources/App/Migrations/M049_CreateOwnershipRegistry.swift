import Fluent
import SQLKit

/// The beneficial-ownership registry (issue 21): BODS statements kept whole and never overwritten, each with the
/// import that brought it. A statement id is unique, so the same statement sent twice (or by two servers at once)
/// is stored once. Records are looked up by id and found by name or identifier.
struct M049_CreateOwnershipRegistry: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OwnershipImport.schema)
            .id()
            .field("file_name", .string, .required)
            .field("statements", .int, .required)
            .field("digest", .string, .required)
            .field("imported_by", .uuid, .references(User.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(OwnershipStatement.schema)
            .id()
            .field("statement_id", .string, .required)
            .field("record_id", .string, .required)
            .field("record_type", .string, .required)
            .field("record_status", .string)
            .field("statement_date", .string, .required)
            .field("name", .string, .required)
            .field("search_text", .string, .required)
            .field("body", .string, .required)
            .field("import_id", .uuid, .required, .references(OwnershipImport.schema, "id"))
            .field("position", .int, .required)
            .unique(on: "statement_id")
            .create()
        for (table, column) in [(OwnershipStatement.schema, "record_id"), (OwnershipStatement.schema, "import_id"),
                                (OwnershipStatement.schema, "record_type"), (OwnershipImport.schema, "imported_by")] {
            try await database.sql.create(index: "\(table)_\(column)").on(table).column(column).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(OwnershipStatement.schema).delete()
        try await database.schema(OwnershipImport.schema).delete()
    }
}
