import Foundation
import Testing
@testable import RedFlags

struct EngineTests {
    static func run(_ lines: [String], settings: String) throws -> (Results, IndicatorRun.Totals, [IndicatorRun.LineProblem]) {
        var run = IndicatorRun(settings: try Settings.parse(settings))
        var problems: [IndicatorRun.LineProblem] = []
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            if let problem = bytes.withUnsafeBufferPointer({ run.read(line: $0, number: index + 1) }) { problems.append(problem) }
        }
        return (run.finish(), run.totals, problems)
    }

    @Test func settingsHaveGlobalKeysSectionsAndComments() throws {
        let settings = try Settings.parse("currency = USD\n; a comment\n# another\n[R018]\nprocurement_methods = open | direct\n\n[R024]\n")
        #expect(settings.global == ["currency": "USD"])
        #expect(settings.enabled("R024") && !settings.enabled("R003"))
        #expect(settings.list("procurement_methods", in: "R018") == ["open", "direct"])
        #expect(throws: Settings.Problem(line: 2, reason: .expectedKeyValue)) { try Settings.parse("[R018]\nthreshold\n") }
    }

    @Test func unknownOrMistypedSettingsAreErrorsNamingTheirPath() {
        #expect(throws: Settings.Problem(path: "R038.treshold", reason: .unknownSetting)) { try Settings.parse("[R038]\ntreshold = 0.5") }
        #expect(Settings.Problem(path: "R048.digits", reason: .wrongKind(.integer, got: "two")).description == #"R048.digits: expected a whole number, got "two""#)
        #expect(Settings.Problem(line: 3, reason: .missingKey).description == "line 3: a key is missing before =")
        #expect(throws: Settings.Problem(path: "R999", reason: .unknownSection)) { try Settings.parse("[R999]") }
        #expect(throws: Settings.Problem(path: "currencies", reason: .unknownSetting)) { try Settings.parse("currencies = USD") }
        #expect(throws: Settings.Problem(path: "R048.digits", reason: .wrongKind(.integer, got: "two"))) { try Settings.parse("[R048]\ndigits = two") }
        #expect(throws: Settings.Problem(path: "R003.procurement_method_details.Emergency", reason: .wrongKind(.integer, got: "soon"))) {
            try Settings.parse("[R003.procurement_method_details]\nEmergency = soon")
        }
        #expect(throws: Settings.Problem(path: "corrections.award_status_by_contract_status", reason: .wrongKind(.boolean, got: "yes"))) {
            try Settings.parse("[corrections]\naward_status_by_contract_status = yes")
        }
    }

    @Test func theInitTemplateIsValidAndEnablesEveryIndicator() throws {
        let settings = try Settings.parse(SettingsTemplate.text)
        #expect(IndicatorRun.all.allSatisfy { settings.enabled($0.code) })
        let uncommented = SettingsTemplate.text.split(separator: "\n").map { $0.hasPrefix("; ") && $0.contains(" = ") ? $0.dropFirst(2) : $0 }
            .joined(separator: "\n")
        #expect(throws: Never.self, "every example value is of the right kind") { try Settings.parse(uncommented) }
    }

    @Test func resultsAreWrittenLikeCardinal() {
        var results = Results()
        results.flag(.ocid, "F", "R018", 1)
        results.flag(.buyer, "B\"1", "R038", 0.8)
        var fences = OrderedMap<Double>()
        fences["q1"] = 66.6667
        fences["q3"] = 100
        fences["lower_fence"] = 16.6667
        results.meta["R024"] = fences
        results.flag(.tenderer, "W", "R024", 0)
        results.flag(.tenderer, "L", "R024", 0)
        #expect(results.json(includeMeta: false) == #"{"OCID":{"F":{"R018":1.0}},"Buyer":{"B\"1":{"R038":0.8}},"Tenderer":{"W":{"R024":0.0},"L":{"R024":0.0}}}"#,
                "identifiers keep the order they were flagged in, as cardinal's R024 example shows")
        #expect(results.json(includeMeta: true).hasSuffix(#""Meta":{"R024":{"q1":66.6667,"q3":100.0,"lower_fence":16.6667}}}"#))
        #expect(Results().json(includeMeta: true) == "{}")
        #expect(results.counts.map(\.1) == [1, 1, 2])
    }

    @Test func singleBidReceivedFlagsCompetitiveProcessesWithOneTenderer() throws {
        let lines = [
            #"{"ocid":"F","tender":{"numberOfTenderers":1,"procurementMethod":"open"}}"#,
            #"{"ocid":"two","tender":{"numberOfTenderers":2,"procurementMethod":"open"}}"#,
            #"{"ocid":"direct","tender":{"numberOfTenderers":1,"procurementMethod":"direct"}}"#,
            #"{"ocid":"cancelled","tender":{"status":"cancelled","numberOfTenderers":1,"procurementMethod":"selective"}}"#,
            #"{"ocid":"lottery","tender":{"procurementMethodDetails":"Sorteo de Obras","numberOfTenderers":1,"procurementMethod":"open"}}"#,
            #"{"ocid":7,"tender":{"numberOfTenderers":1,"procurementMethod":"open"}}"#,
        ]
        let settings = "[exclusions]\nprocurement_method_details = Sorteo de Obras\n[R018]\n"
        let (results, totals, problems) = try Self.run(lines, settings: settings)
        #expect(results.json(includeMeta: false) == #"{"OCID":{"F":{"R018":1.0}}}"#)
        #expect(totals == .init(lines: 6, processes: 3, excluded: 3, invalid: 0) && problems.isEmpty)
        let custom = try Self.run(lines, settings: "[R018]\nprocurement_methods = direct\n").0
        #expect(custom.groups[.ocid]?.keys == ["direct"])
        #expect(try Self.run(lines, settings: "").0.groups.isEmpty, "an indicator runs only if its section exists")
    }

    @Test func badLinesAreReportedCountedAndSkipped() throws {
        let (results, totals, problems) = try Self.run([#"{"ocid":"F","tender":{"numberOfTenderers":1,"procurementMethod":"open"}}"#, "{oops", "[1]"],
                                                       settings: "[R018]")
        #expect(results.groups[.ocid]?.count == 1)
        #expect(totals.invalid == 2 && problems.map(\.line) == [2, 3])
        #expect(problems[1].reason == "not a JSON object")
    }

    static func lines(of data: Data, chunkSize: Int) throws -> [(Int, String)] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try LineReader(try FileHandle(forReadingFrom: url), chunkSize: chunkSize)
        var seen: [(Int, String)] = []
        try reader.forEachLine { bytes, number in seen.append((number, String(decoding: bytes, as: UTF8.self))) }
        return seen
    }

    static let sample = Data("{\"a\":1}\r\n\n  \n{\"b\":22}\n{\"c\":333}".utf8)

    @Test func linesStreamAcrossChunksWithCRLFAndNoFinalNewline() throws {
        let seen = try Self.lines(of: Self.sample, chunkSize: 3)
        #expect(seen.map(\.0) == [1, 4, 5])
        #expect(seen.map(\.1) == [#"{"a":1}"#, #"{"b":22}"#, #"{"c":333}"#])
    }

    static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }

    @Test func gzippedInputIsReadDirectlyIncludingSeveralMembers() throws {
        let twoMembers = try Self.gzip(Self.sample + Data("\n".utf8)) + Self.gzip(Data("{\"d\":4}\n".utf8))
        let seen = try Self.lines(of: twoMembers, chunkSize: 7)
        #expect(seen.map(\.0) == [1, 4, 5, 6])
        #expect(seen.last?.1 == #"{"d":4}"#)
        let cut = try Self.gzip(Data(repeating: 0x61, count: 5000)).prefix(20)
        #expect(throws: LineReader.ReadError.self) { try Self.lines(of: cut, chunkSize: 8) }
    }

    @Test func parallelParsingGivesTheSameResultsInTheSameOrder() throws {
        let lines = (0..<500).map { #"{"ocid":"\#($0)","tender":{"numberOfTenderers":1,"procurementMethod":"open"}}"# } + ["{oops"]
        let outputs = try [1, 2, 4].map { threads in
            let run = try Self.run(lines, settings: "[R018]", threads: threads, chunkSize: 4096)
            #expect(run.problems == [501] && run.totals.processes == 500)
            return run.json
        }
        #expect(Set(outputs).count == 1 && outputs[0].hasPrefix(#"{"OCID":{"0":{"R018":1.0},"1":"#))
    }

    /// Every indicator, with maps and risk tracking, over generated releases full of tied amounts, repeated
    /// tenderers and organizations, plus duplicated processes, bad lines, another currency and awards read before
    /// any bid names the main currency: the results of every thread count are those of one thread, to the byte.
    @Test func everyThreadCountGivesTheOneThreadResults() throws {
        let synthetic = SyntheticReleases(size: .small, seed: 7)
        var lines = [
            #"{"ocid":"early-1","buyer":{"id":"B1"},"awards":[{"status":"active","suppliers":[{"id":"S1"}],"date":"2024-01-01T00:00:00Z","value":{"amount":600,"currency":"EUR"},"items":[{"classification":{"id":"1010"},"unit":{"value":{"amount":5,"currency":"EUR"}}}]}]}"#,
            #"{"ocid":"early-2","buyer":{"id":"B1"},"awards":[{"status":"active","suppliers":[{"id":"S1"}],"date":"2024-01-05T00:00:00Z","value":{"amount":600,"currency":"EUR"},"items":[{"classification":{"id":"1010"},"unit":{"value":{"amount":7,"currency":"EUR"}}}]}]}"#,
        ]
        for index in 0..<3_000 {
            lines.append(synthetic.line(index))
            switch index % 97 {
            case 13: lines.append(synthetic.line(index / 2))
            case 31: lines.append("{not json")
            case 57: lines.append(synthetic.line(index).replacingOccurrences(of: "USD", with: "EUR"))
            default: break
            }
        }
        let settings = SettingsTemplate.text + "\n[IX01]\nthreshold = 1000000\n[IX07]\nminimum_amounts = 5\n[IX08]\nminimum_items = 2\n"
        let one = try Self.run(lines, settings: settings, threads: 1, chunkSize: 16_384)
        #expect(one.json.contains(#""R025""#) && one.json.contains(#""R028""#) && one.json.contains(#""IX01""#), "the data flags something")
        for threads in [2, 3, 8] {
            let many = try Self.run(lines, settings: settings, threads: threads, chunkSize: 16_384)
            #expect(many.json == one.json, "\(threads) threads")
            #expect(many.totals == one.totals && many.problems == one.problems && many.flags == one.flags, "\(threads) threads")
        }
    }

    static func run(_ lines: [String], settings: String, threads: Int, chunkSize: Int)
        throws -> (json: String, totals: IndicatorRun.Totals, problems: [Int], flags: [String: Set<String>]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threads-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try LineReader(try FileHandle(forReadingFrom: url), chunkSize: chunkSize)
        var run = IndicatorRun(settings: try Settings.parse(settings), mapping: true)
        run.tracked = .all
        var problems: [Int] = []
        try run.run(&reader, threads: threads) { problems.append($0.line) }
        let results = run.finish()
        return (results.json(includeMeta: true), run.totals, problems, run.flags(in: results))
    }
}

struct CoverageTests {
    static func coverage(_ lines: String...) throws -> String {
        var coverage = Coverage()
        for line in lines { coverage.add(try JSONParser.parse(Array(line.utf8))) }
        return coverage.json
    }

    @Test func countsNonEmptyPathsChildrenFirstLikeCardinal() throws {
        #expect(try Self.coverage(#"{"phoneNumbers": [{"type": "home", "number": "212 555-1234"}, {"type": "office", "number": "646 555-4567"}]}"#)
                == #"{"/phoneNumbers[]/type": 2, "/phoneNumbers[]/number": 2, "/phoneNumbers[]/": 2, "/phoneNumbers[]": 2, "/phoneNumbers": 1, "/": 1, "": 1}"#)
    }

    @Test func emptyNodesAndTheDocumentedOddities() throws {
        #expect(try Self.coverage(#"{"a": "", "b": [], "c": {}, "d": null, "e": [{"f": ""}]}"#) == "{}")
        #expect(try Self.coverage(#"{"a": 1, "a": ""}"#) == "{}", "a duplicated name counts by its last value")
        #expect(try Self.coverage(#"{"": 1}"#) == #"{"/": 2, "": 1}"#, "an empty name shares its object's path")
        #expect(try Self.coverage(#"{"a": [1], "a[]": 2}"#) == #"{"/a[]": 2, "/a": 1, "/": 1, "": 1}"#, "a name ending in [] can share a path")
        #expect(try Self.coverage("0", "false") == #"{"": 2}"#)
    }
}
