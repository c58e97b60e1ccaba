import Fluent
import SQLKit

/// Open data for conflict screening: parties of imported OCDS processes, and BODS entities, people and ownership
/// relationships, each row tagged with the import that brought it. Organisations gain an org-id identifier so that
/// data is matched on it before the name. Lookups go by ocid, name, statement id and link end, hence the indexes.
struct M017_CreateConflictData: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await NullableColumns.add([("identifier", .string)], to: Organisation.schema, on: database)
        try await database.schema(DataImport.schema)
            .id()
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("items", .int, .required)
            .field("rows", .int, .required)
            .field("imported_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ProcurementPartyRecord.schema)
            .id()
            .field("import_id", .uuid, .required, .references(DataImport.schema, .id))
            .field("ocid", .string, .required)
            .field("role", .string, .required)
            .field("name", .string, .required)
            .field("normalised_name", .string, .required)
            .field("identifiers", .string, .required)
            .create()
        try await database.schema(OwnershipNodeRecord.schema)
            .id()
            .field("import_id", .uuid, .required, .references(DataImport.schema, .id))
            .field("node_key", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("normalised_name", .string, .required)
            .field("identifiers", .string, .required)
            .unique(on: "node_key")
            .create()
        try await database.schema(OwnershipLinkRecord.schema)
            .id()
            .field("import_id", .uuid, .required, .references(DataImport.schema, .id))
            .field("statement_id", .string, .required)
            .field("subject_key", .string, .required)
            .field("interested_key", .string, .required)
            .unique(on: "statement_id")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        for (table, column) in [("procurement_parties", "ocid"), ("procurement_parties", "normalised_name"),
                                ("ownership_nodes", "normalised_name"), ("ownership_links", "subject_key"),
                                ("ownership_links", "interested_key")] {
            try await sql.raw("CREATE INDEX \(unsafeRaw: "\(table)_\(column)_idx") ON \(unsafeRaw: table) (\(unsafeRaw: column))").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(OwnershipLinkRecord.schema).delete()
        try await database.schema(OwnershipNodeRecord.schema).delete()
        try await database.schema(ProcurementPartyRecord.schema).delete()
        try await database.schema(DataImport.schema).delete()
        try await NullableColumns.drop([("identifier", .string)], from: Organisation.schema, on: database)
    }
}
