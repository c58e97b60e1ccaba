import ArgumentParser
import Foundation
import RedFlags

struct RedFlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflags", abstract: "Procurement red flags over OCDS compiled releases. \(RedFlags.caveat)",
        subcommands: [Indicators.self, CoverageCommand.self, InitCommand.self, PrepareCommand.self, ValidateCommand.self, RiskCommand.self, CompileCommand.self,
                      GenerateCommand.self])

    /// Lines of FILE, or standard input for "-"; gzipped input is inflated.
    static func reader(_ file: String) throws -> LineReader {
        let handle: FileHandle
        if file == "-" {
            handle = .standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let opened = FileHandle(forReadingAtPath: file) else { throw ValidationError("cannot read \(file)") }
            handle = opened
        }
        do { return try LineReader(handle) } catch { throw ValidationError("\(file): \(error.description)") }
    }

    /// A whole UTF-8 text file (a pipe such as `<(…)` too); `what` names it in the error.
    static func text(of path: String, what: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd(),
              let text = String(data: data, encoding: .utf8) else { throw ValidationError("cannot read \(what) \(path)") }
        return text
    }

    static func settings(_ path: String?) throws -> Settings {
        guard let path else { return Settings() }
        let text = try text(of: path, what: "the settings file")
        do { return try Settings.parse(text) } catch { throw ValidationError("\(path) \(error.description)") }
    }

    static func warn(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}

extension RedFlagsCommand {
    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calculate red flags from compiled releases, one JSON object per line (\"-\" for standard input; gzip is read directly).",
            discussion: "The result is a JSON object keyed by OCID, Buyer, ProcuringEntity and Tenderer, then by identifier and indicator code. An indicator runs only if its section is in the settings file. Bad lines are reported with their numbers and skipped. \(RedFlags.caveat)")

        @Argument(help: "Compiled releases, one per line, or - for standard input.") var file: String
        @Option(name: .shortAndLong, help: "The settings file (INI).") var settings: String?
        @Flag(name: .shortAndLong, help: "Print the number of results per group to standard error.") var count = false
        @Flag(help: "Leave out the Meta key.") var noMeta = false
        @Flag(help: "Add the Maps key: the organizations and tenderers behind each flagged process.") var map = false
        @Option(help: "Threads that read and evaluate lines (default: the number of cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "Print releases per second and peak memory to standard error.") var timing = false

        func validate() throws {
            guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        }

        func run() throws {
            let started = RunClock()
            var reader = try RedFlagsCommand.reader(file)
            var run = IndicatorRun(settings: try RedFlagsCommand.settings(settings), mapping: map)
            do {
                try run.run(&reader, threads: threads) { RedFlagsCommand.warn("\(file) \($0)") }
            } catch {
                throw ValidationError("\(file): \(error)")
            }
            let results = run.finish()
            print(results.json(includeMeta: !noMeta))
            if count {
                for (group, n) in results.counts { RedFlagsCommand.warn("\(group.rawValue): \(n)") }
            }
            let t = run.totals
            if t.invalid > 0 || t.excluded > 0 {
                RedFlagsCommand.warn("\(t.lines) lines: \(t.processes) processes read, \(t.excluded) excluded, \(t.invalid) not valid JSON objects.")
            }
            if timing { RedFlagsCommand.warn(started.report(lines: t.lines, threads: threads)) }
        }
    }

    struct CoverageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Count how often each JSON path is non-empty, one JSON value per line (\"-\" for standard input).",
            discussion: "Empty nodes are \"\", [], {}, null and nodes holding only empty nodes. The \"\" path is a line; a path ending with / is an object, one ending with [] an array element. Bad lines are reported with their numbers and skipped.")

        @Argument(help: "JSON values, one per line, or - for standard input.") var file: String

        func run() throws {
            var reader = try RedFlagsCommand.reader(file)
            var coverage = Coverage()
            try reader.forEachLine { line, number in
                do throws(JSONSyntaxError) {
                    coverage.add(try JSONParser.parse(line))
                } catch {
                    RedFlagsCommand.warn("\(file) line \(number): not valid JSON (\(error.description))")
                }
            }
            print(coverage.json)
        }
    }

    struct InitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Write a settings file with every section and setting, commented out (\"-\" for standard output).")

        @Argument(help: "The settings file to write, or - for standard output.") var file: String
        @Flag(name: .shortAndLong, help: "Overwrite the file if it exists.") var force = false

        func run() throws {
            if file == "-" {
                print(SettingsTemplate.text, terminator: "")
                return
            }
            guard force || !FileManager.default.fileExists(atPath: file) else {
                throw ValidationError("\(file) exists; use --force to overwrite it")
            }
            do { try Data(SettingsTemplate.text.utf8).write(to: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("cannot write \(file)")
            }
            print("Settings written to \(file).")
        }
    }

    struct PrepareCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prepare", abstract: "Correct quality issues in compiled releases before calculating indicators.",
            discussion: "Corrected releases are written one per line to OUTPUT. Issues that need a setting are written to ERRORS as CSV with the columns line, ocid, path, array indexes, incorrect value, error description (not set, invalid, is zero). Lines that are not JSON objects are reported on standard error and left out.")

        @Argument(help: "Compiled releases, one per line, or - for standard input.") var file: String
        @Option(name: .shortAndLong, help: "The settings file (INI).") var settings: String?
        @Option(name: .shortAndLong, help: "Where to write the corrected releases (- for standard output).") var output: String
        @Option(name: .shortAndLong, help: "Where to write the issues CSV (- for standard output).") var errors: String

        func run() throws {
            let preparation = Preparation(try RedFlagsCommand.settings(settings))
            var reader = try RedFlagsCommand.reader(file)
            let out = try OutputFile(output), issues = try OutputFile(errors)
            try reader.forEachLine { line, number in
                switch IndicatorRun.parseWhole(line) {
                case .problem(let reason): RedFlagsCommand.warn("\(file) line \(number): \(reason)")
                case .release(let release):
                    let (prepared, found) = preparation.prepare(release, line: number)
                    try out.write(JSONWriter.string(prepared) + "\n")
                    for issue in found { try issues.write(issue.csvRow + "\n") }
                }
            }
            try out.close()
            try issues.close()
        }
    }

    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate", abstract: "Check how well each flag separates known-corrupt processes from the others.",
            discussion: "LABELS is a CSV of ocid,label: 1 for the treatment group (known corrupt), 0 for the control group. A process counts as flagged by an indicator if it, its buyer, procuring entity, tenderers or suppliers are flagged. For each flag: prevalence in each group, the difference, the odds ratio with a 95% interval (Woolf; 0.5 added to every cell when one is empty), the coefficient in a logistic regression of the label on all flags (IRLS, ridge 0.01), and an impact grade. Without settings every indicator runs with its defaults. \(RedFlags.caveat)")

        @Argument(help: "Compiled releases, one per line, or - for standard input.") var file: String
        @Option(help: "The labels CSV (ocid,label).") var labels: String
        @Option(name: .shortAndLong, help: "The settings file (INI).") var settings: String?
        @Flag(help: "Write JSON instead of a table.") var json = false

        func run() throws {
            let text = try RedFlagsCommand.text(of: labels, what: "the labels file")
            let parsed: Labels
            do { parsed = try Labels.parse(text) } catch { throw ValidationError("\(labels)\n\(error.description)") }
            let settings = try self.settings.map { try RedFlagsCommand.settings($0) } ?? Settings.parse(SettingsTemplate.text)
            var reader = try RedFlagsCommand.reader(file)
            var run = IndicatorRun(settings: settings)
            run.tracked = .only(Set(parsed.byOcid.keys))
            try run.run(&reader, threads: ProcessInfo.processInfo.activeProcessorCount) { RedFlagsCommand.warn("\(file) \($0)") }
            let results = run.finish()
            let validation = FlagValidation(labels: parsed, flags: run.flags(in: results), codes: run.codes)
            guard validation.treatment > 0, validation.control > 0 else {
                throw ValidationError("the labelled processes found in \(file) need both groups: \(validation.treatment) treatment, \(validation.control) control")
            }
            print(json ? validation.json : validation.table + "\n\n" + RedFlags.caveat)
        }
    }

    struct RiskCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "risk", abstract: "Score each process by its red flags, and each buyer and supplier by its processes.",
            discussion: "A process's score is the total weight of the indicators that flag it or its buyer, procuring entity, tenderers or suppliers, over the total weight of the indicators that ran: 0 to 1. Each weighs 1 unless the [risk] section of the settings says otherwise, or --weights names the JSON that `validate --json` wrote (negative coefficients weigh 0). Buyers and suppliers get the mean score of their processes. Without settings every indicator runs with its defaults. \(RedFlags.caveat)")

        @Argument(help: "Compiled releases, one per line, or - for standard input.") var file: String
        @Option(name: .shortAndLong, help: "The settings file (INI).") var settings: String?
        @Option(help: "Weights from the JSON that `integrity redflags validate --json` wrote.") var weights: String?
        @Option(help: "How many processes, buyers and suppliers to list.") var top = 20
        @Flag(help: "Write every score as JSON instead of the top of each list.") var json = false

        func validate() throws {
            guard top > 0 else { throw ValidationError("--top must be at least 1") }
        }

        func run() throws {
            let settings = try self.settings.map { try RedFlagsCommand.settings($0) } ?? Settings.parse(SettingsTemplate.text)
            var reader = try RedFlagsCommand.reader(file)
            var run = IndicatorRun(settings: settings)
            run.tracked = .all
            let chosen = try self.weights.map { path in
                do { return try RiskWeights.fromValidation(try RedFlagsCommand.text(of: path, what: "the weights file"), codes: run.codes) } catch let problem as RiskWeights.Problem {
                    throw ValidationError("\(path): \(problem.description)")
                }
            } ?? RiskWeights(settings: settings, codes: run.codes)
            try run.run(&reader, threads: ProcessInfo.processInfo.activeProcessorCount) { RedFlagsCommand.warn("\(file) \($0)") }
            let scores = RiskScores(results: run.finish(), parties: run.parties, weights: chosen)
            print(json ? scores.json(weights: chosen) : scores.table(top: top) + "\n\n" + RedFlags.caveat)
        }
    }

    struct CompileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile", abstract: "Turn release packages, record packages or compiled releases into compiled releases, one per line.",
            discussion: "Release packages are merged by ocid with the OCDS 1.1.4 merge rules; record packages give their compiled releases (or their embedded releases, merged). A file may be one JSON document or one per line; a file that is not UTF-8 is read as ISO-8859-1. Problems are reported with their line numbers; the exit status is non-zero if there were any.")

        @Argument(help: "The OCDS file.") var file: String
        @Option(name: .shortAndLong, help: "Where to write the compiled releases (- for standard output).") var output = "-"

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let set = CompiledReleaseSet(bytes: Array(data))
            let out = try OutputFile(output)
            try out.write(String(decoding: set.jsonLines, as: UTF8.self))
            try out.close()
            if set.readAsLatin1 { RedFlagsCommand.warn("\(file): not UTF-8; read as ISO-8859-1") }
            for problem in set.problems { RedFlagsCommand.warn("\(file) \(problem)") }
            RedFlagsCommand.warn("\(set.releases.count) compiled releases (\(set.mergedReleases) releases merged) from \(set.forms.map(\.rawValue).sorted().joined(separator: ", ")).")
            if !set.problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct GenerateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "Write deterministic synthetic compiled releases, for benchmarks and demos.")

        @Option(help: "How many releases.") var count = 10_000
        @Option(help: "small (about 1 KB each) or large (about 12 KB, like real-world releases).") var size: String = "small"
        @Option(help: "The seed; the same seed gives the same file.") var seed: UInt64 = 2026

        func run() throws {
            guard let size = SyntheticReleases.Size(rawValue: size) else { throw ValidationError("--size must be small or large") }
            guard count >= 0 else { throw ValidationError("--count must not be negative") }
            let releases = SyntheticReleases(size: size, seed: seed)
            let out = try OutputFile("-")
            for index in 0..<count { try out.write(releases.line(index) + "\n") }
            try out.close()
        }
    }
}

/// A buffered output file, or standard output for "-".
final class OutputFile {
    let handle: FileHandle
    var buffer: [UInt8] = []

    init(_ path: String) throws {
        if path == "-" {
            handle = .standardOutput
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil), let opened = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            handle = opened
        }
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        buffer += text.utf8
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        if handle !== FileHandle.standardOutput { try handle.close() }
    }
}

/// Wall and CPU time since creation, and the process's peak memory, for `--timing`.
struct RunClock {
    let wall = DispatchTime.now()

    func report(lines: Int, threads: Int) -> String {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - wall.uptimeNanoseconds) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let peakMB = Double(usage.ru_maxrss) / 1024
        func rate(_ value: Double) -> String { String(Int((Double(lines) / value).rounded())) }
        return "timing: \(lines) lines, \(threads) thread(s), \(String(format: "%.3f", seconds)) s wall, \(String(format: "%.3f", cpu)) s CPU, "
            + "\(rate(seconds)) lines/s, \(rate(cpu)) lines per CPU-second, peak memory \(String(format: "%.1f", peakMB)) MB"
    }
}
