import ExchangeCore
import BeneficialOwnership
import FastJSON
import Foundation
import Vapor

/// What `integrity ownership …` does: check BODS files without a database, import them, print a record's computed
/// owners, and write the open data.
extension Platform {
    /// One file's verdict, as `integrity ownership check --json` prints it (one JSON object per line).
    public struct BODSCheck: Codable, Sendable {
        public struct Problem: Codable, Sendable {
            public let line: Int
            public let item: Int?
            public let pointer: String
            public let rule: String
            public let expected: String
        }

        public let file: String
        public let statements: Int
        public let problems: [Problem]
        public var valid: Bool { problems.isEmpty }
        public var lines: [String] { problems.map { "\(file): line \($0.line)\($0.item.map { ", statement \($0)" } ?? "")\($0.pointer.isEmpty ? "" : " at \($0.pointer)"): \($0.rule) (\($0.expected))" } }
    }

    /// Checks each file against the BODS 0.4 schema and the identifier rules; reads no database.
    public static func checkBODS(files: [String]) throws -> [BODSCheck] {
        let schema = try BODSSchema.load()
        let context = BODSNormativeRules.Context(today: CalendarDate(Date()).description)
        return try files.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandError(description: "cannot read \(path)") }
            let read = BODSReader.read(Array(data), schema: schema, context: context)
            return BODSCheck(file: path, statements: read.statements.count, problems: read.problems.map {
                .init(line: $0.line, item: $0.item, pointer: $0.pointer, rule: $0.rule, expected: $0.expected)
            })
        }
    }

    /// Imports a file as the command line's own actor; a refused file is a `CommandError` listing its problems.
    public static func importBODS(_ app: Application, file path: String, gleif: Bool = false, dryRun: Bool) async throws -> (read: Int, added: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError(description: "cannot read \(path)") }
        do {
            let outcome = try await app.registry.ownershipImports.importFile(
                Array(data), format: gleif ? .gleifRR : .bods, fileName: (path as NSString).lastPathComponent, digest: "", actor: .system("cli"),
                userID: nil, dryRun: dryRun)
            return (outcome.read, outcome.added)
        } catch let refusal as OwnershipImportService.Refusal {
            throw CommandError(description: "\(refusal.count) problems; nothing was imported:\n" + refusal.problems.map(\.description).joined(separator: "\n"))
        } catch FileRefusal.notUTF8 {
            throw CommandError(description: "\(path) is not UTF-8 text; nothing was imported")
        }
    }

    /// A record's computed owners: a table, or the API's JSON.
    public static func ownershipRecord(_ app: Application, recordID: String, json: Bool) async throws -> String {
        guard let profile = try await app.registry.ownershipRegistry.profile(recordID) else {
            throw CommandError(description: "no current record \(recordID) in the registry")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(RegistryRecordDTO(profile)), as: UTF8.self)
        }
        let dto = RegistryRecordDTO(profile)
        var lines = ["\(dto.party.name ?? dto.party.recordId) (\(dto.party.kind.rawValue)); owners from \(dto.threshold)%:"]
        for owner in dto.owners {
            let share = owner.shareMinimum == owner.shareMaximum ? "\(owner.shareMinimum)%" : "\(owner.shareMinimum)–\(owner.shareMaximum)%"
            let name = owner.party.name ?? "unspecified (\(owner.party.unspecifiedReason ?? "unknown"))"
            lines.append("  \(name)\t\(share)\t\(owner.standing.rawValue)\t\(owner.paths) chain(s)")
        }
        if dto.owners.isEmpty { lines.append("  none reaches the threshold or none is declared") }
        return lines.joined(separator: "\n")
    }

    /// The registry's open data: every statement as BODS 0.4 JSON, or the computed owners as CSV.
    public static func exportRegistry(_ app: Application, csv: Bool) async throws -> String {
        let registry = app.registry.ownershipRegistry
        if csv { return RegistryExport.ownersCSV(try await registry.current(), threshold: registry.threshold).joined(separator: "\r\n") + "\r\n" }
        return RegistryExport.statementsJSON(try await registry.allStatements())
    }
}
