import Testing
@testable import RedFlags

/// The indicators beyond cardinal, one rule and edge case at a time.
struct BeyondCardinalTests {
    static func award(_ ocid: String, buyer: String = "B", supplier: String = "S", amount: Double, date: String = "2024-03-04T10:00:00Z",
                      classification: String = "43211500", currency: String = "USD", extra: String = "") -> String {
        #"{"ocid":"\#(ocid)","buyer":{"id":"\#(buyer)"},"awards":[{"id":"a","status":"active","date":"\#(date)","value":{"amount":\#(amount),"currency":"\#(currency)"},"suppliers":[{"id":"\#(supplier)"}],"items":[{"classification":{"scheme":"UNSPSC","id":"\#(classification)"}}]}]\#(extra)}"#
    }

    @Test func contractSplittingFindsSmallAwardsThatTogetherPassTheThreshold() throws {
        let lines = [
            Self.award("1", amount: 60_000, date: "2024-03-01T10:00:00Z"),
            Self.award("2", amount: 50_000, date: "2024-03-20T10:00:00Z"),
            Self.award("3", amount: 50_000, date: "2024-06-20T10:00:00Z"),
            Self.award("4", supplier: "T", amount: 90_000, date: "2024-03-02T10:00:00Z"),
            Self.award("5", amount: 150_000, date: "2024-03-03T10:00:00Z"),
        ]
        let results = try EngineTests.run(lines, settings: "[IX01]").0
        #expect(results.groups[.ocid]?.keys == ["1", "2"] && results.value(.ocid, "1", "IX01") == 2)
        #expect(results.value(.buyer, "B", "IX01") == 1 && results.value(.tenderer, "S", "IX01") == 1)
        #expect(try EngineTests.run(lines, settings: "[IX01]\nwindow_days = 10").0.groups.isEmpty, "19 days apart")
        let higher = try EngineTests.run(lines, settings: "[IX01]\nthreshold = 200000").0
        #expect(higher.groups[.ocid]?.keys == ["1", "5", "2"] && higher.value(.ocid, "5", "IX01") == 3, "150000 is now under the threshold too")
        let otherClass = [Self.award("1", amount: 60_000), Self.award("2", amount: 50_000, classification: "72101500")]
        #expect(try EngineTests.run(otherClass, settings: "[IX01]").0.groups.isEmpty)
    }

    static func method(_ ocid: String, _ method: String, buyer: String = "B") -> String {
        #"{"ocid":"\#(ocid)","buyer":{"id":"\#(buyer)"},"tender":{"procurementMethod":"\#(method)"}}"#
    }

    @Test func nonCompetitiveShareIsPerBuyerAboveAMinimum() throws {
        let lines = (0..<6).map { Self.method("d\($0)", "direct") } + (0..<4).map { Self.method("o\($0)", "open") }
            + (0..<3).map { Self.method("x\($0)", "direct", buyer: "Small") }
        let results = try EngineTests.run(lines, settings: "[IX02]").0
        #expect(results.json(includeMeta: false) == #"{"Buyer":{"B":{"IX02":0.6}}}"#, "Small has 3 processes, under 10")
        #expect(try EngineTests.run(lines, settings: "[IX02]\nthreshold = 0.7").0.groups.isEmpty)
        #expect(try EngineTests.run(lines, settings: "[IX02]\nminimum_contracting_processes = 3").0.groups[.buyer]?.keys == ["B", "Small"])
    }

    @Test func amendedContractValueComparesWithTheAward() throws {
        let contract = { (amount: Int, amended: Bool) in
            #","contracts":[{"awardID":"a","value":{"amount":\#(amount),"currency":"USD"}\#(amended ? #","amendments":[{"date":"2024-05-01T00:00:00Z"}]"# : "")}]"#
        }
        #expect(try EngineTests.run([Self.award("F", amount: 100, extra: contract(150, true))], settings: "[IX03]").0.value(.ocid, "F", "IX03") == 0.5)
        #expect(try EngineTests.run([Self.award("F", amount: 100, extra: contract(150, false))], settings: "[IX03]").0.groups.isEmpty, "not amended")
        #expect(try EngineTests.run([Self.award("F", amount: 100, extra: contract(115, true))], settings: "[IX03]").0.groups.isEmpty, "15% ≤ 20%")
        #expect(try EngineTests.run([Self.award("F", amount: 100, extra: contract(115, true))], settings: "[IX03]\nthreshold = 0.1").0.groups[.ocid] != nil)
    }

    @Test func roundAmountsAreMultiplesAboveTheMinimum() throws {
        #expect(try EngineTests.run([Self.award("F", amount: 250_000)], settings: "[IX04]").0.value(.ocid, "F", "IX04") == 1)
        #expect(try EngineTests.run([Self.award("F", amount: 250_001)], settings: "[IX04]").0.groups.isEmpty)
        #expect(try EngineTests.run([Self.award("F", amount: 5_000)], settings: "[IX04]").0.groups.isEmpty, "under the minimum")
        #expect(try EngineTests.run([Self.award("F", amount: 5_000)], settings: "[IX04]\nmultiple = 1000").0.groups[.ocid] != nil)
    }

    @Test func weekendAndHolidayDatesAreCounted() throws {
        // 2024-03-02 was a Saturday; 2024-03-04 a Monday.
        #expect(try EngineTests.run([Self.award("F", amount: 1, date: "2024-03-02T23:30:00-05:00")], settings: "[IX05]").0.value(.ocid, "F", "IX05") == 1,
                "the date as written, not converted to UTC (Sunday)")
        #expect(try EngineTests.run([Self.award("F", amount: 1)], settings: "[IX05]").0.groups.isEmpty)
        #expect(try EngineTests.run([Self.award("F", amount: 1)], settings: "[IX05]\nholidays = 2024-03-04").0.groups[.ocid] != nil)
        #expect(try EngineTests.run([Self.award("F", amount: 1, date: "2024-03-08T09:00:00Z")], settings: "[IX05]\nweekend = friday|saturday").0.groups[.ocid] != nil)
    }

    @Test func suppliersNeedARegisteredIdentifier() throws {
        let parties = { (identifier: String) in #","parties":[{"id":"S"\#(identifier)}]"# }
        #expect(try EngineTests.run([Self.award("F", amount: 1, extra: parties(""))], settings: "[IX06]").0.json(includeMeta: false)
                == #"{"OCID":{"F":{"IX06":1.0}},"Tenderer":{"S":{"IX06":1.0}}}"#)
        #expect(try EngineTests.run([Self.award("F", amount: 1, extra: parties(#","identifier":{"id":""}"#))], settings: "[IX06]").0.groups[.ocid] != nil)
        #expect(try EngineTests.run([Self.award("F", amount: 1, extra: parties(#","identifier":{"scheme":"XX","id":"123"}"#))], settings: "[IX06]").0.groups.isEmpty)
        #expect(try EngineTests.run([Self.award("F", amount: 1)], settings: "[IX06]").0.groups[.ocid] != nil, "no party entry at all")
    }

    @Test func benfordDeviationUsesNigrinisMeanAbsoluteDeviation() throws {
        #expect(abs(BenfordDeviation.mad([301, 176, 125, 97, 79, 67, 58, 51, 46]) - 0.0002) < 0.0002, "Benford's own proportions")
        #expect(BenfordDeviation.firstDigit(9_870) == 9 && BenfordDeviation.firstDigit(10) == 1 && BenfordDeviation.firstDigit(5) == nil)
        let skewed = (0..<100).map { Self.award("\($0)", amount: 50_000 + Double($0)) }
        let results = try EngineTests.run(skewed, settings: "[IX07]").0
        #expect(abs((results.value(.buyer, "B", "IX07") ?? 0) - BenfordDeviation.mad([0, 0, 0, 0, 100, 0, 0, 0, 0])) < 1e-12)
        #expect(try EngineTests.run(Array(skewed.prefix(99)), settings: "[IX07]").0.groups.isEmpty, "fewer than 100 amounts")
    }

    @Test func unitPriceOutliersAreBenchmarkedWithinAClassification() throws {
        let item = { (ocid: String, price: Int, classification: String) in
            #"{"ocid":"\#(ocid)","awards":[{"status":"active","items":[{"classification":{"scheme":"UNSPSC","id":"\#(classification)"},"unit":{"value":{"amount":\#(price),"currency":"USD"}}}]}]}"#
        }
        let lines = [item("A", 10, "1"), item("B", 11, "1"), item("C", 12, "1"), item("D", 13, "1"), item("E", 100, "1"), item("X", 100, "2")]
        let results = try EngineTests.run(lines, settings: "[IX08]").0
        #expect(results.groups[.ocid]?.keys == ["E"] && results.value(.ocid, "E", "IX08") == 100.0 / 12)
        #expect(try EngineTests.run(lines, settings: "[IX08]\nminimum_items = 6").0.groups.isEmpty)
    }
}
