import Fluent

/// Adds or drops nullable columns on an existing table, one ALTER TABLE each, because SQLite adds columns one at a time.
/// Nullable, so rows written before the migration stay valid.
enum NullableColumns {
    typealias Column = (name: String, type: DatabaseSchema.DataType)

    static func add(_ columns: [Column], to schema: String, on db: Database) async throws {
        for column in columns {
            try await db.schema(schema)
                .field(.definition(name: .key(FieldKey(stringLiteral: column.name)), dataType: column.type, constraints: [])).update()
        }
    }

    static func drop(_ columns: [Column], from schema: String, on db: Database) async throws {
        for column in columns.reversed() {
            try await db.schema(schema).deleteField(FieldKey(stringLiteral: column.name)).update()
        }
    }
}
