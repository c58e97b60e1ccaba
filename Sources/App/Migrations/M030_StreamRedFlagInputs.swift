import Fluent
import SQLKit

/// Red-flag uploads of any size: their input moves from a database column, which held the whole file in memory, to
/// a file that workers stream. Runs waiting on the old column cannot be carried out any more and are marked failed.
struct M030_StreamRedFlagInputs: AsyncMigration {
    static let columns: [NullableColumns.Column] = [("input_digest", .string), ("input_bytes", .int)]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.columns, to: RedFlagRun.schema, on: database)
        try await database.sql.update(RedFlagRun.schema)
            .set("status", to: RedFlagRun.Status.failed.rawValue)
            .set("failure", to: "redflags.failure.interrupted")
            .where("status", .equal, RedFlagRun.Status.running.rawValue)
            .run()
        try await database.schema("red_flag_inputs").delete()
        try await database.sql.create(index: "red_flag_runs_input_digest").on(RedFlagRun.schema).column("input_digest").run()
    }

    func revert(on database: Database) async throws {
        try await M029_CreateRedFlagInputs().prepare(on: database)
        try await database.sql.drop(index: "red_flag_runs_input_digest").run()
        try await NullableColumns.drop(Self.columns, from: RedFlagRun.schema, on: database)
    }
}
