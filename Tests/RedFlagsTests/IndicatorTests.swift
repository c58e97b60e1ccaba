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
        #expect(throws: Settings.Problem(line: 2, reason: "expected key = value")) { try Settings.parse("[R018]\nthreshold\n") }
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

    @Test func linesStreamAcrossChunksWithCRLFAndNoFinalNewline() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl")
        try Data("{\"a\":1}\r\n\n  \n{\"b\":22}\n{\"c\":333}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var seen: [(Int, String)] = []
        IndicatorRun.lines(of: try FileHandle(forReadingFrom: url), chunkSize: 3) { bytes, number in
            seen.append((number, String(decoding: bytes, as: UTF8.self)))
        }
        #expect(seen.map(\.0) == [1, 4, 5])
        #expect(seen.map(\.1) == [#"{"a":1}"#, #"{"b":22}"#, #"{"c":333}"#])
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
