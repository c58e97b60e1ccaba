import Testing
@testable import RedFlags

/// R038 and R048 flag organizations from aggregates over the whole file; `--map` traces flags back to processes.
struct OrganizationIndicatorTests {
    static func bids(_ ocid: String, buyer: String, entity: String? = nil, _ bids: [(String, String)]) -> String {
        let details = bids.map { #"{"status":"\#($0.1)","tenderers":[{"id":"\#($0.0)"}]}"# }.joined(separator: ",")
        let tender = entity.map { #","tender":{"procuringEntity":{"id":"\#($0)"}}"# } ?? ""
        return #"{"ocid":"\#(ocid)","bids":{"details":[\#(details)]},"buyer":{"id":"\#(buyer)"}\#(tender)}"#
    }

    /// Cardinal's documented R038 example: buyer B disqualified one of two bids, four buyers none.
    static let documented = [bids("0", buyer: "B", entity: "P", [("W1", "valid"), ("D", "disqualified")])]
        + (1...4).map { bids("\($0)", buyer: "\($0)", entity: "\($0)", [("W\($0 + 1)", "valid")]) }

    @Test func excessiveDisqualifiedBidsMatchesCardinalsExample() throws {
        let (results, _, _) = try EngineTests.run(Self.documented, settings: "[R038]")
        #expect(results.json(includeMeta: false) == #"{"Buyer":{"B":{"R038":0.5}},"ProcuringEntity":{"P":{"R038":0.5}}}"#,
                "the minimum counts submitted bids, so only B (two bids) is kept and its ratio is its own fence")
        #expect(results.meta["R038"]?["Buyer_upper_fence"] == 0.5 && results.meta["R038"]?["Buyer_q1"] == 0.5)
    }

    @Test func excessiveDisqualifiedBidsHonoursMinimumsAndThreshold() throws {
        var lines = Self.documented
        lines.append(Self.bids("5", buyer: "1", [("D", "disqualified"), ("X", "withdrawn")]))
        let tenderers = try EngineTests.run(lines, settings: "[R038]\nminimum_submitted_bids = 1").0
        #expect(tenderers.groups[.tenderer]?.keys == ["D"] && tenderers.value(.tenderer, "D", "R038") == 1.0,
                "a withdrawn bid is not submitted; D's two bids were both disqualified")
        let none = try EngineTests.run(lines, settings: "[R038]\nminimum_contracting_processes = 3").0
        #expect(none.groups[.buyer] == nil)
        let fixed = try EngineTests.run(lines, settings: "[R038]\nthreshold = 0.4\nminimum_contracting_processes = 1").0
        #expect(fixed.groups[.buyer]?.keys == ["B", "1"], "buyer 1: one of two bids disqualified is 0.5 ≥ 0.4")
        #expect(fixed.meta["R038"]?["Buyer_q1"] == nil && fixed.meta["R038"]?["Buyer_upper_fence"] == 0.4)
        let allZero = try EngineTests.run((1...4).map { Self.bids("\($0)", buyer: "A", [("W", "valid")]) }, settings: "[R038]").0
        #expect(allZero.groups.isEmpty, "a fence of 0 would flag everyone, so the group is skipped")
    }

    static func award(_ ocid: String, _ supplier: String, _ classes: [String], status: String = "active", joint: Bool = false) -> String {
        let items = classes.map { #"{"classification":{"id":"\#($0)"}}"# }.joined(separator: ",")
        let suppliers = joint ? #"[{"id":"\#(supplier)"},{"id":"other"}]"# : #"[{"id":"\#(supplier)"}]"#
        return #"{"ocid":"\#(ocid)","awards":[{"status":"\#(status)","suppliers":\#(suppliers),"items":[\#(items)]}]}"#
    }

    @Test func heterogeneousSupplierMatchesCardinalsExample() throws {
        let lines = [Self.award("F", "F", ["10000000", "11000000"])] + (1...4).map { Self.award("\($0)", "\($0)", ["10000000"]) }
        let results = try EngineTests.run(lines, settings: "[R048]\nminimum_contracting_processes = 1").0
        #expect(results.json(includeMeta: false) == #"{"Tenderer":{"F":{"R048":2.0}}}"#)
        #expect(try EngineTests.run(lines, settings: "[R048]").0.groups.isEmpty, "nobody has 20 processes")
    }

    @Test func heterogeneousSupplierCountsPrefixesOfActiveSingleSupplierAwards() throws {
        let lines = [
            Self.award("1", "S", ["10100000", "10200000", "45000000"]),
            Self.award("2", "S", ["72000000"], status: "cancelled"),
            Self.award("3", "S", ["33000000"], joint: true),
            Self.award("4", "T", ["10000000"]),
        ]
        let twoDigits = try EngineTests.run(lines, settings: "[R048]\nminimum_contracting_processes = 1\nthreshold = 2").0
        #expect(twoDigits.groups[.tenderer]?.keys == ["S"] && twoDigits.value(.tenderer, "S", "R048") == 2,
                "10 and 45; the cancelled and the joint award do not count")
        let threeDigits = try EngineTests.run(lines, settings: "[R048]\nminimum_contracting_processes = 1\nthreshold = 3\ndigits = 3").0
        #expect(threeDigits.value(.tenderer, "S", "R048") == 3)
    }

    @Test func mapsTraceFlagsBackToProcesses() throws {
        var run = IndicatorRun(settings: try Settings.parse("[R038]\n[R028]"), mapping: true)
        let lines = Self.documented + [#"{"ocid":"5","bids":{"details":[{"status":"valid","tenderers":[{"id":"Y"}],"value":{"amount":5,"currency":"USD"}},{"status":"valid","tenderers":[{"id":"X"}],"value":{"amount":5,"currency":"USD"}}]}}"#]
        for (index, line) in lines.enumerated() { _ = Array(line.utf8).withUnsafeBufferPointer { run.read(line: $0, number: index + 1) } }
        let json = run.finish().json(includeMeta: false)
        #expect(json.hasSuffix(#""Maps":{"ocid_buyer_r038":{"0":"B"},"ocid_procuringentity_r038":{"0":"P"},"ocid_tenderer":{"0":["D","W1"],"1":["W2"],"2":["W3"],"3":["W4"],"4":["W5"],"5":["X","Y"]},"ocid_tenderer_r024":{},"ocid_tenderer_r028":{"5":["X","Y"]},"ocid_tenderer_r030":{},"ocid_tenderer_r035":{},"ocid_tenderer_r058":{}}}"#), "\(json)")
        #expect(try !EngineTests.run(lines, settings: "[R038]").0.json(includeMeta: true).contains("Maps"))
    }
}
