import Foundation
import Testing
@testable import RedFlags

/// Composite risk scores, checked against sums worked out by hand.
struct RiskScoreTests {
    /// Buyer B runs a direct procedure (IX02 flags B) and an open one with a single bid (R018 flags process 2);
    /// buyer C's process 3 has two bids and no flag.
    static let lines = [
        #"{"ocid":"1","buyer":{"id":"B"},"tender":{"procurementMethod":"direct","numberOfTenderers":2},"awards":[{"status":"active","suppliers":[{"id":"S"}]}]}"#,
        #"{"ocid":"2","buyer":{"id":"B"},"tender":{"procurementMethod":"open","numberOfTenderers":1},"awards":[{"status":"active","suppliers":[{"id":"S"}]}]}"#,
        #"{"ocid":"3","buyer":{"id":"C"},"tender":{"procurementMethod":"open","numberOfTenderers":2},"awards":[{"status":"active","suppliers":[{"id":"T"}]}]}"#,
    ]

    func scores(_ settingsText: String) throws -> (RiskScores, IndicatorRun) {
        let settings = try Settings.parse(settingsText)
        var run = IndicatorRun(settings: settings)
        run.tracked = .all
        for (index, line) in Self.lines.enumerated() { _ = Array(line.utf8).withUnsafeBufferPointer { run.read(line: $0, number: index + 1) } }
        return (RiskScores(results: run.finish(), parties: run.parties, weights: RiskWeights(settings: settings, codes: run.codes)), run)
    }

    @Test func processScoreIsTheShareOfWeightThatFlagsIt() throws {
        // Weights R018 = 3, IX02 = 1: total 4. Processes 1 and 2 belong to flagged buyer B (IX02); 2 also has R018.
        let (risk, _) = try scores("[R018]\n[IX02]\nminimum_contracting_processes = 1\nthreshold = 0.4\n[risk]\nR018 = 3")
        #expect(risk.processes.map(\.ocid) == ["2", "1", "3"])
        #expect(risk.processes.map(\.score) == [1.0, 0.25, 0.0])
        #expect(risk.processes[0].codes == ["R018", "IX02"], "codes in the order indicators run")
    }

    @Test func buyersAndSuppliersGetTheMeanOfTheirProcesses() throws {
        let (risk, _) = try scores("[R018]\n[IX02]\nminimum_contracting_processes = 1\nthreshold = 0.4\n[risk]\nR018 = 3")
        #expect(risk.buyers == [
            RiskScores.OrganizationScore(id: "B", processes: 2, flagged: 2, mean: 0.625, max: 1),
            RiskScores.OrganizationScore(id: "C", processes: 1, flagged: 0, mean: 0, max: 0),
        ])
        #expect(risk.suppliers.map(\.id) == ["S", "T"] && risk.suppliers[0].mean == 0.625)
    }

    /// Two workers that read the same file must store the same means: a sum of doubles depends on its order, and a
    /// dictionary's order differs between processes.
    @Test func meansDoNotDependOnTheOrderProcessesAreHeldIn() throws {
        let weights = RiskWeights((1...7).map { (code: "R\($0)", weight: Double($0) / 3) })
        var results = Results()
        var parties: [String: ProcessParties] = [:]
        for index in 0..<500 {
            let ocid = "ocds-\(index)"
            for code in 1...7 where (index * 7 + code * 3) % (code + 2) == 0 { results.flag(.ocid, ocid, "R\(code)", 1) }
            parties[ocid] = ProcessParties(buyer: "B\(index % 3)", procuringEntity: nil, tenderers: [], suppliers: ["S\(index % 2)"])
        }
        var reordered: [String: ProcessParties] = [:]
        reordered.reserveCapacity(4096)
        for key in parties.keys.sorted().reversed() { reordered[key] = parties[key] }
        #expect(Array(parties.keys) != Array(reordered.keys), "the two dictionaries must be held in different orders")
        let first = RiskScores(results: results, parties: parties, weights: weights)
        let second = RiskScores(results: results, parties: reordered, weights: weights)
        #expect(first.buyers.map(\.mean.bitPattern) == second.buyers.map(\.mean.bitPattern))
        #expect(first.suppliers.map(\.mean.bitPattern) == second.suppliers.map(\.mean.bitPattern))
    }

    @Test func weightZeroLeavesAFlagOutAndNoWeightScoresZero() throws {
        let (risk, _) = try scores("[R018]\n[IX02]\nminimum_contracting_processes = 1\nthreshold = 0.4\n[risk]\nIX02 = 0")
        #expect(risk.processes.map(\.score) == [1, 0, 0])
        let (none, _) = try scores("[R018]\n[risk]\nR018 = 0")
        #expect(none.processes.allSatisfy { $0.score == 0 }, "a total weight of 0 gives 0, not a division by zero")
    }

    @Test func settingsWithWindowsLineEndingsParse() throws {
        let settings = try Settings.parse("[R018]\r\nprocurement_methods = open\r\n[risk]\r\nR018 = 2\r\n")
        #expect(settings.list("procurement_methods", in: "R018") == ["open"] && settings.sections["risk"]?["R018"] == "2")
    }

    @Test func negativeOrUnknownWeightsAreRefused() {
        #expect(throws: Settings.Problem(path: "risk.R018", reason: .wrongKind(.weight, got: "-1"))) {
            try Settings.parse("[risk]\nR018 = -1")
        }
        #expect(throws: Settings.Problem(path: "risk.R999", reason: .unknownSetting)) { try Settings.parse("[risk]\nR999 = 1") }
    }

    @Test func weightsFromValidationClipNegativeCoefficients() throws {
        let json = #"{"treatment":3,"control":4,"missing":0,"flags":[{"code":"R018","coefficient":1.5},{"code":"IX02","coefficient":-0.7},{"code":"R003","coefficient":null}]}"#
        let weights = try RiskWeights.fromValidation(json, codes: ["R018", "IX02", "R003", "R024"])
        #expect(weights.byCode.map(\.weight) == [1.5, 0, 0, 0])
        #expect(throws: RiskWeights.Problem.self) { try RiskWeights.fromValidation(#"{"flags":[{"code":"R018","coefficient":-1}]}"#, codes: ["R018"]) }
        #expect(throws: RiskWeights.Problem.self) { try RiskWeights.fromValidation("[1]", codes: ["R018"]) }
        #expect(throws: RiskWeights.Problem.self) { try RiskWeights.fromValidation("{", codes: ["R018"]) }
    }

    @Test func jsonListsWeightsScoresAndTheCaveat() throws {
        let (risk, run) = try scores("[R018]\n[risk]\nR018 = 2")
        let weights = RiskWeights(settings: try Settings.parse("[R018]\n[risk]\nR018 = 2"), codes: run.codes)
        let json = risk.json(weights: weights)
        #expect(json.hasPrefix(#"{"weights":{"R018":2.0},"processes":[{"ocid":"2","score":1.0,"flags":["R018"]},{"ocid":"1","score":0.0,"flags":[]}"#))
        #expect(json.contains(#""buyers":[{"id":"B","mean":0.5,"max":1.0,"flagged":1,"processes":2}"#) && json.contains(RedFlags.caveat))
        #expect(try JSONParser.parse(Array(json.utf8)).isObject)
    }
}
