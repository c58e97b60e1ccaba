import Fluent

/// Result pages name organizations ("Ministry of Health (BUY-1)") rather than show bare OCDS identifiers; runs
/// stored before this keep identifiers only.
struct M025_AddRedFlagOrganizationNames: AsyncMigration {
    static let columns: [NullableColumns.Column] = [("organization_names", .string)]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.columns, to: RedFlagRun.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop(Self.columns, from: RedFlagRun.schema, on: database)
    }
}
