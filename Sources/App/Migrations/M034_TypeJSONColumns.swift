import Fluent
import SQLKit

/// Structured values were JSON text read back with a silent `try?`, so a damaged value read as an empty one. Models
/// now hold them as typed Codable fields: on PostgreSQL the columns become `jsonb`, and the three lists are wrapped as
/// `{"items": [...]}`, because PostgreSQL's driver writes a bare array as a PostgreSQL array, never as `jsonb`.
struct M034_TypeJSONColumns: AsyncMigration {
    typealias Column = (table: String, column: String)

    static let objects: [Column] = [
        ("evaluation_rounds", "questionnaire"), ("evaluation_responses", "answers"), ("programme_settings", "value"),
        ("match_runs", "settings"), ("match_proposals", "breakdown"), ("match_proposals", "excluded"), ("engagements", "breakdown"),
        ("terms_versions", "content"), ("conflict_declarations", "answers"), ("publications", "texts"), ("red_flag_runs", "upload_summary"),
    ]
    static let lists: [Column] = [("questionnaire_extras", "questions"), ("match_proposals", "alternates"), ("due_diligence_decisions", "signals")]

    func prepare(on database: Database) async throws {
        let sql = database.sql
        let postgres = sql.dialect.name == "postgresql"
        // Generated engagements stored an empty breakdown as an empty list.
        try await sql.raw("UPDATE engagements SET breakdown = '{}' WHERE breakdown = '[]'").run()
        for (table, column) in Self.lists {
            let wrapped = postgres ? "json_build_object('items', \(column)::json)::text" : "json_object('items', json(\(column)))"
            try await sql.raw("UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(unsafeRaw: wrapped)").run()
        }
        guard postgres else { return }
        for (table, column) in Self.objects + Self.lists {
            try await sql.raw("ALTER TABLE \(unsafeRaw: table) ALTER COLUMN \(unsafeRaw: column) TYPE jsonb USING \(unsafeRaw: column)::jsonb").run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = database.sql
        let postgres = sql.dialect.name == "postgresql"
        if postgres {
            for (table, column) in Self.objects + Self.lists {
                try await sql.raw("ALTER TABLE \(unsafeRaw: table) ALTER COLUMN \(unsafeRaw: column) TYPE text USING \(unsafeRaw: column)::text").run()
            }
        }
        for (table, column) in Self.lists {
            let unwrapped = postgres ? "(\(column)::json -> 'items')::text" : "json_extract(\(column), '$.items')"
            try await sql.raw("UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(unsafeRaw: unwrapped)").run()
        }
    }
}
