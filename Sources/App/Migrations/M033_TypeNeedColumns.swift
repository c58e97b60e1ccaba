import ExchangeCore
import Fluent
import Foundation
import SQLKit

/// Needs kept their lists as comma text and their readiness as a JSON string that was read with a silent `try?`.
/// Both become typed JSON columns (JSON text on SQLite, `jsonb` on PostgreSQL), so lists hold codes the domain
/// knows and a damaged value fails loudly. Existing rows are converted, then the comma-text columns go.
struct M033_TypeNeedColumns: AsyncMigration {
    static let listColumns: [NullableColumns.Column] = [
        ("support_areas", .string), ("issue_areas", .string), ("required_skills", .string),
        ("preferred_skills", .string), ("languages", .string), ("experience_fields", .string),
    ]

    private struct OldRow: Decodable {
        let id: UUID
        let support_areas: String
        let issue_areas: String
        let required_skills: String
        let preferred_skills: String
        let languages: String
        let experience_fields: String?
    }

    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await NullableColumns.add([("scope", .json)], to: Need.schema, on: database)
        let rows = try await sql.select().columns(["id"] + Self.listColumns.map(\.name)).from(Need.schema).all(decoding: OldRow.self)
        for row in rows {
            try await sql.update(Need.schema).set("scope", to: Self.scope(row)).where("id", .equal, row.id).run()
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE needs ALTER COLUMN readiness TYPE jsonb USING readiness::jsonb").run()
            try await sql.raw("ALTER TABLE needs ALTER COLUMN scope SET NOT NULL").run()
        }
        try await NullableColumns.drop(Self.listColumns, from: Need.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await NullableColumns.add(Self.listColumns, to: Need.schema, on: database)
        let sql = database.sql
        struct Row: Decodable { let id: UUID; let scope: NeedScope }
        for row in try await sql.select().columns("id", "scope").from(Need.schema).all(decoding: Row.self) {
            let s = row.scope
            try await sql.update(Need.schema)
                .set("support_areas", to: Self.text(s.supportAreas.map { String($0.rawValue) }))
                .set("issue_areas", to: Self.text(s.issueAreas.map(\.rawValue)))
                .set("required_skills", to: Self.text(s.requiredSkills)).set("preferred_skills", to: Self.text(s.preferredSkills))
                .set("languages", to: Self.text(s.languages)).set("experience_fields", to: Self.text(s.fields.map(\.rawValue)))
                .where("id", .equal, row.id).run()
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE needs ALTER COLUMN readiness TYPE text USING readiness::text").run()
        }
        try await NullableColumns.drop([("scope", .json)], from: Need.schema, on: database)
    }

    /// Comma text held codes and ids only; an unknown code could not have passed the draft's shape check.
    private static func scope(_ row: OldRow) -> NeedScope {
        func items(_ text: String?) -> [String] { (text ?? "").split(separator: ",").map(String.init) }
        return NeedScope(
            supportAreas: items(row.support_areas).compactMap { Int($0).flatMap(SupportArea.init(rawValue:)) },
            issueAreas: items(row.issue_areas).compactMap(IssueArea.init(rawValue:)),
            requiredSkills: items(row.required_skills), preferredSkills: items(row.preferred_skills),
            languages: items(row.languages), fields: items(row.experience_fields).compactMap(ExperienceField.init(rawValue:)))
    }

    private static func text(_ items: [String]) -> String { items.joined(separator: ",") }
}
