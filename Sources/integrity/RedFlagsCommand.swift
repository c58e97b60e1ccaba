import ArgumentParser
import Foundation
import RedFlags

struct RedFlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflags", abstract: "Procurement red flags over OCDS compiled releases. \(RedFlags.caveat)",
        subcommands: [Indicators.self, CoverageCommand.self])

    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calculate red flags from compiled releases, one JSON object per line (\"-\" for standard input).",
            discussion: "The result is a JSON object keyed by OCID, Buyer, ProcuringEntity and Tenderer, then by identifier and indicator code. An indicator runs only if its section is in the settings file. Bad lines are reported with their numbers and skipped. \(RedFlags.caveat)")

        @Argument(help: "Compiled releases, one per line, or - for standard input.") var file: String
        @Option(name: .shortAndLong, help: "The settings file (INI).") var settings: String?
        @Flag(name: .shortAndLong, help: "Print the number of results per group to standard error.") var count = false
        @Flag(help: "Leave out the Meta key.") var noMeta = false

        func run() throws {
            var parsed = Settings()
            if let settings {
                guard let data = FileManager.default.contents(atPath: settings), let text = String(data: data, encoding: .utf8) else {
                    throw ValidationError("cannot read the settings file \(settings)")
                }
                do { parsed = try Settings.parse(text) } catch { throw ValidationError("\(settings) \(error.description)") }
            }
            let handle = try RedFlagsCommand.open(file)
            var run = IndicatorRun(settings: parsed)
            IndicatorRun.lines(of: handle) { line, number in
                if let problem = run.read(line: line, number: number) {
                    FileHandle.standardError.write(Data("\(file) \(problem)\n".utf8))
                }
            }
            let results = run.finish()
            print(results.json(includeMeta: !noMeta))
            if count {
                for (group, n) in results.counts { FileHandle.standardError.write(Data("\(group.rawValue): \(n)\n".utf8)) }
            }
            let t = run.totals
            if t.invalid > 0 || t.excluded > 0 {
                FileHandle.standardError.write(Data("\(t.lines) lines: \(t.processes) processes read, \(t.excluded) excluded, \(t.invalid) not valid JSON objects.\n".utf8))
            }
        }
    }

    struct CoverageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Count how often each JSON path is non-empty, one JSON value per line (\"-\" for standard input).",
            discussion: "Empty nodes are \"\", [], {}, null and nodes holding only empty nodes. The \"\" path is a line; a path ending with / is an object, one ending with [] an array element. Bad lines are reported with their numbers and skipped.")

        @Argument(help: "JSON values, one per line, or - for standard input.") var file: String

        func run() throws {
            let handle = try RedFlagsCommand.open(file)
            var coverage = Coverage()
            IndicatorRun.lines(of: handle) { line, number in
                do throws(JSONSyntaxError) {
                    coverage.add(try JSONParser.parse(line))
                } catch {
                    FileHandle.standardError.write(Data("\(file) line \(number): not valid JSON (\(error.description))\n".utf8))
                }
            }
            print(coverage.json)
        }
    }

    static func open(_ file: String) throws -> FileHandle {
        if file == "-" { return .standardInput }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw ValidationError("cannot read \(file)") }
        return handle
    }
}
