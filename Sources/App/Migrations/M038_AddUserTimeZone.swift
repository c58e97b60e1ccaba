import Fluent

/// Times are shown in each person's own time zone, once they choose one; until then, and for earlier accounts, UTC.
struct M038_AddUserTimeZone: AsyncMigration {
    static let columns: [NullableColumns.Column] = [("time_zone", .string)]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.columns, to: User.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop(Self.columns, from: User.schema, on: database)
    }
}
