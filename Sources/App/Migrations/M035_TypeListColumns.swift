import ExchangeCore
import Fluent
import Foundation
import SQLKit

/// Organisations, expert profiles, evidence, skill edits and notifications kept lists as separated text ("a,b",
/// "id:level", "x; y", one link per line, criterion:outcome:reason triples, unit-separated arguments), each with its
/// own parser. They become typed JSON lists, `{"items": [...]}`
/// (`jsonb` on PostgreSQL); existing rows are converted here, once.
struct M035_TypeListColumns: AsyncMigration {
    /// A column, how its old text becomes the JSON text of its new type, and back; nil stays nil.
    struct Conversion: Sendable {
        let table: String
        let column: String
        let forward: @Sendable (String) throws -> String
        let back: @Sendable (String) throws -> String
    }

    /// A list of plain codes kept as `separator`-separated text.
    static func codes<T: Codable & Sendable>(_ table: String, _ column: String, _ separator: String, as type: T.Type,
                                             _ make: @escaping @Sendable (String) -> T?, _ text: @escaping @Sendable (T) -> String) -> Conversion {
        Conversion(table: table, column: column,
                   forward: { try json(split($0, separator).compactMap(make)) },
                   back: { try items($0, as: T.self).map(text).joined(separator: separator) })
    }

    static let conversions: [Conversion] = [
        codes("organisations", "working_languages", ",", as: String.self, { $0 }, { $0 }),
        Conversion(table: "organisations", column: "screening", forward: { try json(screening($0)) }, back: { try screeningText($0) }),
        codes("expert_profiles", "areas", "; ", as: String.self, { $0 }, { $0 }),
        codes("expert_profiles", "experience_fields", ",", as: ExperienceField.self, ExperienceField.init(rawValue:), \.rawValue),
        Conversion(table: "expert_profiles", column: "skills", forward: { text in
            try json(pairs(text).compactMap { id, level in Int(level).map { ExpertProfile.SkillEntry(id: id, level: $0) } })
        }, back: { try items($0, as: ExpertProfile.SkillEntry.self).map { "\($0.id):\($0.level)" }.joined(separator: ",") }),
        Conversion(table: "expert_profiles", column: "languages", forward: { text in
            try json(pairs(text).compactMap { code, level in
                UInt8(level).flatMap(LanguageLevel.init).map { ExpertProfile.LanguageEntry(code: code, level: $0) }
            })
        }, back: { try items($0, as: ExpertProfile.LanguageEntry.self).map { "\($0.code):\($0.level.rawValue)" }.joined(separator: ",") }),
        Conversion(table: "expert_profiles", column: "screening", forward: { try json(screening($0)) }, back: { try screeningText($0) }),
        codes("expert_profiles", "countries_worked", ",", as: String.self, { $0 }, { $0 }),
        codes("expert_profiles", "regions_worked", ",", as: String.self, { $0 }, { $0 }),
        codes("expert_profiles", "sectors", ",", as: WorkSector.self, WorkSector.init(rawValue:), \.rawValue),
        codes("due_diligence_items", "links", "\n", as: String.self, { $0 }, { $0 }),
        codes("success_evidence", "links", "\n", as: String.self, { $0 }, { $0 }),
        codes("marketing_concerns", "links", "\n", as: String.self, { $0 }, { $0 }),
        codes("skill_edits", "synonyms", "; ", as: String.self, { $0 }, { $0 }),
        // Message arguments were joined by the unit separator; an argument may be empty.
        Conversion(table: "notifications", column: "arguments", forward: { text in
            try json(text.isEmpty ? [] : text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init))
        }, back: { try items($0, as: String.self).joined(separator: "\u{1F}") }),
    ]

    private struct Row: Decodable {
        let id: UUID
        let value: String?
    }

    func prepare(on database: Database) async throws {
        let sql = database.sql
        for conversion in Self.conversions {
            try await Self.rewrite(conversion.table, conversion.column, conversion.forward, on: sql)
            if sql.dialect.name == "postgresql" {
                try await sql.raw("""
                    ALTER TABLE \(ident: conversion.table) ALTER COLUMN \(ident: conversion.column) TYPE jsonb
                    USING \(ident: conversion.column)::jsonb
                    """).run()
            }
        }
    }

    func revert(on database: Database) async throws {
        let sql = database.sql
        for conversion in Self.conversions {
            if sql.dialect.name == "postgresql" {
                try await sql.raw("""
                    ALTER TABLE \(ident: conversion.table) ALTER COLUMN \(ident: conversion.column) TYPE text
                    USING \(ident: conversion.column)::text
                    """).run()
            }
            try await Self.rewrite(conversion.table, conversion.column, conversion.back, on: sql)
        }
    }

    private static func rewrite(_ table: String, _ column: String, _ change: (String) throws -> String, on sql: SQLDatabase) async throws {
        let rows = try await sql.raw("SELECT id, \(ident: column) AS value FROM \(ident: table)").all(decoding: Row.self)
        for row in rows {
            guard let value = row.value else { continue }
            try await sql.update(table).set(SQLIdentifier(column), to: SQLBind(try change(value))).where("id", .equal, row.id).run()
        }
    }

    static func split(_ text: String, _ separator: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: separator).filter { !$0.isEmpty }
    }

    static func pairs(_ text: String) -> [(String, String)] {
        split(text, ",").compactMap { pair in
            let parts = pair.split(separator: ":").map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    static func screening(_ text: String) -> [ScreeningResult] {
        split(text, ",").compactMap { item in
            let parts = item.split(separator: ":").map(String.init)
            return parts.count == 3 ? ScreeningResult(criterion: parts[0], outcome: parts[1], reason: parts[2]) : nil
        }
    }

    static func json<T: Codable & Sendable>(_ items: [T]) throws -> String {
        String(decoding: try JSONEncoder().encode(JSONList(items)), as: UTF8.self)
    }

    static func items<T: Codable & Sendable>(_ text: String, as type: T.Type) throws -> [T] {
        try JSONDecoder().decode(JSONList<T>.self, from: Data(text.utf8)).items
    }

    static func screeningText(_ text: String) throws -> String {
        try items(text, as: ScreeningResult.self).map { "\($0.criterion):\($0.outcome):\($0.reason)" }.joined(separator: ",")
    }
}
