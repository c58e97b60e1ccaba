import Fluent

/// What an expert fills in after confirming: imported profiles start without any of it, so every column may be empty.
/// One column per ALTER TABLE, because SQLite adds columns one at a time.
struct M010_AddExpertProfileDetails: AsyncMigration {
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("years", .int), ("experience_fields", .string), ("transfer_statement", .string), ("skills", .string),
        ("languages", .string), ("hours_per_week", .int), ("available_from", .datetime), ("available_until", .datetime),
        ("capacity", .int), ("pro_bono", .bool), ("work_hours", .bool), ("public_communication", .bool),
        ("values_alignment", .bool), ("motivation", .string), ("screening", .string),
    ]

    func prepare(on database: Database) async throws {
        for (name, type) in Self.columns {
            try await database.schema(ExpertProfile.schema).field(.definition(name: .key(FieldKey(stringLiteral: name)), dataType: type, constraints: [])).update()
        }
    }

    func revert(on database: Database) async throws {
        for (name, _) in Self.columns.reversed() {
            try await database.schema(ExpertProfile.schema).deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
