import App
import ArgumentParser
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data into the platform.", subcommands: [Experts.self, OCDS.self, BODS.self])

    struct Experts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an expert roster (CSV or TSV). Every problem is reported with its line before anything is written.",
            discussion: "Imported experts are invited: they confirm and complete their profile before they can be matched.")

        @Argument(help: "The roster file.") var file: String
        @Flag(help: "Report what would happen; write nothing.") var dryRun = false
        @Flag(help: "Import the good rows and leave out the flagged ones.") var skipFlagged = false
        @Option(help: "Columns by field, 0-based, e.g. name=0,country=3,email=1 (default: guessed from the header).")
        var map: String?
        @Option(help: "Language of the report: en, fr or es.") var language = "en"

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(file) is not UTF-8 text") }
            let mapping = try map.map(Self.parseMapping)
            let outcome = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                do {
                    return try await Platform.importRoster(app, text: text, mapping: mapping, dryRun: dryRun, skipFlagged: skipFlagged,
                                                           language: language)
                } catch let error as Platform.CommandError {
                    throw ValidationError("\(file): \(error.description)")
                }
            }
            print(outcome.summary)
            for merge in outcome.merges { print("  \(merge)") }
            for problem in outcome.problems { print("  \(file) \(problem)") }
            if dryRun {
                print("Dry run: nothing was written.")
            } else if outcome.imported < 0 {
                FileHandle.standardError.write(Data("\(outcome.result) (--skip-flagged)\n".utf8))
                throw ExitCode(3)
            } else {
                print(outcome.result)
            }
        }

        static func parseMapping(_ text: String) throws -> [String: Int] {
            var mapping: [String: Int] = [:]
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let column = Int(parts[1]), column >= 0 else {
                    throw ValidationError("--map takes field=column pairs, e.g. name=0,country=3; got \(pair)")
                }
                mapping[String(parts[0]).trimmingCharacters(in: .whitespaces)] = column
            }
            return mapping
        }
    }

    struct OCDS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ocds",
            abstract: "Import OCDS procurement data for conflict screening: compiled releases one per line, or a release or record package.",
            discussion: "Buyers, procuring entities, tenderers and suppliers are kept. A process imported again replaces the earlier one. Every bad line is reported and nothing is written.")

        @Argument(help: "The OCDS file (UTF-8 JSON, gzip allowed).") var file: String
        @Flag(help: "Check the file; write nothing.") var dryRun = false

        func run() async throws { try await ConflictDataImport.run(kind: "ocds", file: file, dryRun: dryRun) }
    }

    struct BODS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bods",
            abstract: "Import BODS beneficial-ownership statements (0.2 to 0.4) for conflict screening: a JSON array or one statement per line.",
            discussion: "Entities, people and ownership-or-control relationships are kept. Every bad line is reported and nothing is written.")

        @Argument(help: "The BODS file (UTF-8 JSON, gzip allowed).") var file: String
        @Flag(help: "Check the file; write nothing.") var dryRun = false

        func run() async throws { try await ConflictDataImport.run(kind: "bods", file: file, dryRun: dryRun) }
    }
}

/// The shared body of `import ocds` and `import bods`.
enum ConflictDataImport {
    static func run(kind: String, file: String, dryRun: Bool) async throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let outcome = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
            do {
                return try await Platform.importConflictData(app, kind: kind, file: file, dryRun: dryRun)
            } catch let error as Platform.CommandError {
                FileHandle.standardError.write(Data("\(file): \(error.description)\n".utf8))
                throw ExitCode(3)
            }
        }
        let unit = kind == "ocds" ? "processes" : "statements"
        if dryRun {
            print("\(outcome.items) \(unit), \(outcome.rows) rows to import. Dry run: nothing was written.")
        } else if outcome.isRepeat {
            print("This file was imported a moment ago (\(outcome.items) \(unit)); nothing more was written.")
        } else {
            print("Imported \(outcome.items) \(unit) (\(outcome.rows) rows). Due diligence reopened on \(outcome.reopened) matches.")
        }
    }
}
