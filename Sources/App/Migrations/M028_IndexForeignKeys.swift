import Fluent
import SQLKit

/// Neither SQLite nor PostgreSQL indexes a foreign key by itself: every join, every "of this engagement" list and
/// every cascade check scanned the whole child table. One index per foreign key a unique index does not already
/// lead with, and one for each list page's filter and order.
struct M028_IndexForeignKeys: AsyncMigration {
    static let indexes: [(table: String, columns: [String])] = [
        ("users", ["organisation_id"]), ("invitations", ["organisation_id"]), ("password_resets", ["user_id"]),
        ("api_tokens", ["user_id"]), ("notifications", ["user_id", "created_at"]), ("expert_profiles", ["user_id"]),
        ("expert_profiles", ["status"]), ("needs", ["organisation_id"]), ("needs", ["status"]),
        ("match_runs", ["started_at"]), ("match_proposals", ["run_id"]), ("match_proposals", ["need_id"]),
        ("match_proposals", ["expert_profile_id"]), ("match_proposals", ["stable_expert_profile_id"]),
        ("need_interests", ["expert_profile_id"]), ("engagements", ["need_id"]), ("engagements", ["expert_profile_id"]),
        ("engagements", ["proposal_id"]), ("engagements", ["stage"]), ("due_diligence_decisions", ["engagement_id"]),
        ("procurement_parties", ["import_id"]), ("ownership_nodes", ["import_id"]), ("ownership_links", ["import_id"]),
        ("marketing_concerns", ["engagement_id"]), ("marketing_concerns", ["reported_by"]), ("terms_signatures", ["signed_by"]),
        ("work_items", ["engagement_id"]), ("meetings", ["engagement_id"]), ("action_items", ["meeting_id"]),
        ("action_items", ["engagement_id"]), ("engagement_messages", ["engagement_id"]), ("engagement_messages", ["author_id"]),
        ("engagement_documents", ["engagement_id"]), ("engagement_documents", ["uploaded_by"]),
        ("evaluation_responses", ["engagement_id"]), ("evaluation_responses", ["respondent_id"]),
        ("success_evidence", ["recorded_by"]), ("red_flag_runs", ["data_import_id"]), ("red_flag_runs", ["started_by"]),
        ("mail_outbox", ["status", "created_at"]),
    ]

    static func name(_ index: (table: String, columns: [String])) -> String {
        "\(index.table)_\(index.columns.joined(separator: "_"))_idx"
    }

    func prepare(on database: Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("""
                CREATE INDEX IF NOT EXISTS \(unsafeRaw: Self.name(index)) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns.joined(separator: ", ")))
                """).run()
        }
    }

    func revert(on database: Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: Self.name(index))").run()
        }
    }
}
