import Fluent

/// What an expert fills in after confirming: imported profiles start without any of it, so every column may be empty.
struct M010_AddExpertProfileDetails: AsyncMigration {
    static let columns: [NullableColumns.Column] = [
        ("years", .int), ("experience_fields", .string), ("transfer_statement", .string), ("skills", .string),
        ("languages", .string), ("hours_per_week", .int), ("available_from", .datetime), ("available_until", .datetime),
        ("capacity", .int), ("pro_bono", .bool), ("work_hours", .bool), ("public_communication", .bool),
        ("values_alignment", .bool), ("motivation", .string), ("screening", .string),
    ]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.columns, to: ExpertProfile.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop(Self.columns, from: ExpertProfile.schema, on: database)
    }
}
