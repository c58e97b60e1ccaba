import Fluent

/// The background matching scores besides skills: where and in which sectors an expert has worked, and which fields
/// and sector a need hopes for. Existing profiles and needs simply have none yet.
struct M013_AddMatchingBackground: AsyncMigration {
    static let profileColumns: [NullableColumns.Column] = [
        ("countries_worked", .string), ("regions_worked", .string), ("sectors", .string),
    ]
    static let needColumns: [NullableColumns.Column] = [("experience_fields", .string), ("sector", .string)]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.profileColumns, to: ExpertProfile.schema, on: database)
        try await NullableColumns.add(Self.needColumns, to: Need.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop(Self.needColumns, from: Need.schema, on: database)
        try await NullableColumns.drop(Self.profileColumns, from: ExpertProfile.schema, on: database)
    }
}
