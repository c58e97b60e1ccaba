import Fluent

/// A public body's participation: its authorisations, its confirmed integrity mandate and its screening status.
/// Companies leave these empty. One column per ALTER TABLE, because SQLite adds columns one at a time.
struct M012_AddPublicBodyParticipation: AsyncMigration {
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("participation_status", .string), ("pro_bono", .bool), ("work_hours", .bool), ("public_communication", .bool),
        ("integrity_mandate", .bool), ("screening", .string),
    ]

    func prepare(on database: Database) async throws {
        for (name, type) in Self.columns {
            try await database.schema(Organisation.schema)
                .field(.definition(name: .key(FieldKey(stringLiteral: name)), dataType: type, constraints: [])).update()
        }
    }

    func revert(on database: Database) async throws {
        for (name, _) in Self.columns.reversed() {
            try await database.schema(Organisation.schema).deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
