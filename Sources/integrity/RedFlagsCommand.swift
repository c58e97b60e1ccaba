import ArgumentParser
import Foundation
import RedFlags

struct RedFlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflags", abstract: "Procurement red flags over OCDS compiled releases. \(RedFlags.caveat)",
        subcommands: [Indicators.self])

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
            let handle: FileHandle
            if file == "-" {
                handle = .standardInput
            } else {
                guard let opened = FileHandle(forReadingAtPath: file) else { throw ValidationError("cannot read \(file)") }
                handle = opened
            }
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
}
