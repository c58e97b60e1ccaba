import App
import ArgumentParser
import Foundation

struct OwnershipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ownership",
        abstract: "The beneficial-ownership registry: check and import BODS 0.4 files, print a record's owners, export the open data.",
        discussion: "docs/ownership.md describes the computation and the data dictionary.",
        subcommands: [Check.self, Import.self, Owners.self, Export.self, Bench.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check BODS 0.4 files against the standard's schema and the LEI rule, without a database; exits 1 when any file has a problem.")

        @Argument(help: "The files (JSON array or JSON Lines).") var files: [String]
        @Flag(help: "One JSON object per file: file, statements, problems (line, item, pointer, rule, expected).") var json = false

        func run() async throws {
            let checks: [Platform.BODSCheck]
            do { checks = try Platform.checkBODS(files: files) } catch let error as Platform.CommandError { throw ValidationError(error.description) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                for check in checks { print(String(decoding: try encoder.encode(check), as: UTF8.self)) }
            } else {
                for check in checks { print(check.valid ? "\(check.file): \(check.statements) statements, no problem" : check.lines.joined(separator: "\n")) }
            }
            if checks.contains(where: { !$0.valid }) { throw ExitCode(1) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a BODS 0.4 file into the registry, all or nothing; statements already held are skipped.")

        @Argument(help: "The file (JSON array or JSON Lines; CSV with --gleif).") var file: String
        @Flag(help: "Check only; write nothing.") var dryRun = false
        @Flag(help: "The file is GLEIF relationship records (RR-CDF CSV); direct, active parents become BODS statements.") var gleif = false

        func run() async throws {
            let (read, added) = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                do { return try await Platform.importBODS(app, file: file, gleif: gleif, dryRun: dryRun) } catch let error as Platform.CommandError {
                    throw ValidationError(error.description)
                }
            }
            print(dryRun ? "\(read) statements, no problem; nothing was written (--dry-run)." : "\(read) statements read, \(added) new.")
        }
    }

    struct Owners: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the computed ultimate owners and controllers of a record.")

        @Argument(help: "The record id (BODS recordId).") var record: String
        @Flag(help: "JSON, as GET /api/v1/registry/records/{recordID} answers.") var json = false

        func run() async throws {
            print(try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                do { return try await Platform.ownershipRecord(app, recordID: record, json: json) } catch let error as Platform.CommandError {
                    throw ValidationError(error.description)
                }
            })
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the registry's open data: every statement as BODS 0.4 JSON (people's protected details left out), or the computed owners as CSV.")

        @Flag(help: "The computed owners as CSV instead of the statements.") var csv = false
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            let text = try await Bootstrap.withApplication(try Bootstrap.configuration()) { try await Platform.exportRegistry($0, csv: csv) }
            guard let output else { print(text, terminator: ""); return }
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        }
    }

    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the ultimate-owner computation, BODS reading and importing on a fresh data directory (build with -c release); prints JSON.")

        @Option(help: "Entities in the generated graph (a quarter as many people are added).") var entities = 1_000_000
        @Option(help: "Relationships in the generated graph.") var relationships = 2_000_000
        @Option(help: "Statements read and checked.") var statements = 300_000
        @Option(help: "Statements imported into the database.") var imported = 50_000

        func validate() throws {
            guard entities >= 2, relationships >= 0, statements >= 3, imported >= 3 else {
                throw ValidationError("--entities must be ≥ 2, --statements and --imported ≥ 3")
            }
        }

        func run() async throws {
            let result = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await OwnershipBenchmark.run(app, entities: entities, relationships: relationships, statements: statements, imported: imported)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        }
    }
}
