import Fluent
import SQLKit

/// The audit page filters the log by actor, action or subject, newest first. At a million entries each filter read
/// the whole table; an index per filter, ending in the sequence, serves both the filter and the order.
struct M031_IndexAuditFilters: AsyncMigration {
    static let indexes: [(name: String, columns: [String])] = [
        ("audit_entries_actor_sequence", ["actor", "sequence"]),
        ("audit_entries_action_sequence", ["action", "sequence"]),
        ("audit_entries_subject_sequence", ["subject_id", "subject_type", "sequence"]),
    ]

    func prepare(on database: Database) async throws {
        for index in Self.indexes {
            var builder = database.sql.create(index: index.name).on(AuditEntryRecord.schema)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: Database) async throws {
        for index in Self.indexes {
            try await database.sql.drop(index: index.name).run()
        }
    }
}
