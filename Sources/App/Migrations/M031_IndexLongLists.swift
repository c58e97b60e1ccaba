import Fluent
import SQLKit

/// Lists that grow with a programme, read a page at a time in their own order: the audit log filtered by actor, action
/// or subject, newest first (at a million entries each filter read the whole table), needs by last change, matches
/// by creation. Each index serves a filter and its order, so a page reads its 50 rows and no more.
struct M031_IndexLongLists: AsyncMigration {
    static let indexes: [(table: String, name: String, columns: [String])] = [
        ("needs", "needs_updated_at_id", ["updated_at", "id"]),
        ("engagements", "engagements_created_at_id", ["created_at", "id"]),
        ("audit_entries", "audit_entries_actor_sequence", ["actor", "sequence"]),
        ("audit_entries", "audit_entries_action_sequence", ["action", "sequence"]),
        ("audit_entries", "audit_entries_subject_sequence", ["subject_id", "subject_type", "sequence"]),
    ]

    func prepare(on database: Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("""
                CREATE INDEX IF NOT EXISTS \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns.joined(separator: ", ")))
                """).run()
        }
    }

    func revert(on database: Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index.name)").run()
        }
    }
}
