import Fluent

/// Retention by crypto-shredding (issue 20): a shredded report keeps its row for the statistics, without keys or
/// sealed content, and the day it was shredded says so.
struct M041_AddReportShredding: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await NullableColumns.add([("shredded_on", .datetime)], to: Report.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.drop([("shredded_on", .datetime)], from: Report.schema, on: database)
    }
}
