import Fluent

/// A public body's participation: its authorisations, its confirmed integrity mandate and its screening status.
/// Companies leave these empty.
struct M012_AddPublicBodyParticipation: AsyncMigration {
    static let columns: [NullableColumns.Column] = [
        ("participation_status", .string), ("pro_bono", .bool), ("work_hours", .bool), ("public_communication", .bool),
        ("integrity_mandate", .bool), ("screening", .string),
    ]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.columns, to: Organisation.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop(Self.columns, from: Organisation.schema, on: database)
    }
}
