import Foundation
import Testing
@testable import RedFlags

/// One test per rule and edge case, with small hand-made releases.
struct BidIndicatorTests {
    static func flags(_ line: String, _ settings: String) throws -> [String: Double] {
        try EngineTests.run([line], settings: settings).0.groups[.ocid]?["F"]?.values ?? [:]
    }

    @Test func timestampsReadOffsetsAndFractions() {
        #expect(Timestamp.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(Timestamp.seconds("2020-08-03T18:00:00-05:00") == Timestamp.seconds("2020-08-03T23:00:00Z"))
        #expect(Timestamp.seconds("2000-03-01T00:00:00.5+00:00") == 951_868_800.5)
        #expect(Timestamp.seconds("2000-03-01") == nil && Timestamp.seconds("2000-13-01T00:00:00Z") == nil)
    }

    @Test func shortSubmissionPeriodCountsWholeDaysAgainstTheThreshold() throws {
        let period = { (method: String, start: String, end: String) in
            #"{"ocid":"F","tender":{"procurementMethod":"\#(method)","procurementMethodDetails":"Cotización","tenderPeriod":{"startDate":"\#(start)","endDate":"\#(end)"}}}"#
        }
        // Cardinal's own example: no procurement method, one day.
        #expect(try Self.flags(#"{"ocid":"F","tender":{"tenderPeriod":{"startDate":"2020-08-03T18:00:00-05:00","endDate":"2020-08-04T18:00:00-05:00"}}}"#,
                               "[R003]") == ["R003": 1])
        // 14 days and 23 hours count as 14 whole days; 15 days are not short.
        #expect(try Self.flags(period("open", "2020-08-01T00:00:00Z", "2020-08-15T23:00:00Z"), "[R003]") == ["R003": 1])
        #expect(try Self.flags(period("open", "2020-08-01T00:00:00Z", "2020-08-16T00:00:00Z"), "[R003]").isEmpty)
        #expect(try Self.flags(period("open", "2020-08-01T00:00:00Z", "2020-08-03T00:00:00Z"), "[R003]\nthreshold = 1 # per law").isEmpty)
        let perDetails = "[R003]\n[R003.procurement_method_details]\nCotización = 7\n"
        #expect(try Self.flags(period("open", "2020-08-01T00:00:00Z", "2020-08-09T00:00:00Z"), perDetails).isEmpty, "8 days ≥ 7 for a Cotización")
        #expect(try Self.flags(period("direct", "2020-08-01T00:00:00Z", "2020-08-03T00:00:00Z"), "[R003]\nprocurement_methods = open|selective").isEmpty)
        #expect(try Self.flags(#"{"ocid":"F","tender":{"tenderPeriod":{"endDate":"2020-08-04T18:00:00Z"}}}"#, "[R003]").isEmpty, "both dates are needed")
    }

    @Test func aLateValidBidThatWonIsFlagged() throws {
        let line = #"{"ocid":"F","bids":{"details":[{"status":"valid","date":"2000-04-01T00:00:00Z","tenderers":[{"id":"W"}]}]},"tender":{"tenderPeriod":{"endDate":"2000-03-15T00:00:00Z"}},"awards":[{"status":"active","suppliers":[{"id":"W"}]}]}"#
        #expect(try Self.flags(line, "[R030]") == ["R030": 1])
        #expect(try EngineTests.run([line], settings: "[R030]").0.json(includeMeta: false) == #"{"OCID":{"F":{"R030":1.0}},"Tenderer":{"W":{"R030":1.0}}}"#,
                "cardinal's documented output")
        #expect(try Self.flags(line.replacingOccurrences(of: "2000-04-01", with: "2000-03-01"), "[R030]").isEmpty, "on time")
        #expect(try Self.flags(line.replacingOccurrences(of: #""status":"active""#, with: #""status":"cancelled""#), "[R030]").isEmpty, "not won")
        #expect(try Self.flags(line.replacingOccurrences(of: #""status":"valid""#, with: #""status":"disqualified""#), "[R030]").isEmpty)
    }

    @Test func allButTheWinnerDisqualifiedCountsTheOthers() throws {
        let line = #"{"ocid":"F","bids":{"details":[{"status":"disqualified","tenderers":[{"id":"D"}]},{"status":"disqualified","tenderers":[{"id":"E"}]},{"status":"valid","tenderers":[{"id":"V"}]}]},"awards":[{"status":"active","suppliers":[{"id":"V"}]}]}"#
        #expect(try Self.flags(line, "[R035]") == ["R035": 2])
        #expect(try EngineTests.run([line], settings: "[R035]").0.value(.tenderer, "V", "R035") == 0, "the winner is flagged too")
        let documented = #"{"ocid":"F","bids":{"details":[{"status":"disqualified","tenderers":[{"id":"D"}]},{"status":"valid","tenderers":[{"id":"V"}]}]},"awards":[{"status":"active","suppliers":[{"id":"V"}]}]}"#
        #expect(try EngineTests.run([documented], settings: "[R035]").0.json(includeMeta: false) == #"{"OCID":{"F":{"R035":1.0}},"Tenderer":{"V":{"R035":0.0}}}"#)
        #expect(try Self.flags(line, "[R035]\nthreshold = 3").isEmpty)
        #expect(try Self.flags(line.replacingOccurrences(of: #"{"status":"active","suppliers":[{"id":"V"}]}"#,
                                                         with: #"{"status":"active","suppliers":[{"id":"V"}]},{"status":"pending"}"#), "[R035]").isEmpty,
                "an award still pending leaves the process out")
        #expect(try Self.flags(line.replacingOccurrences(of: #""suppliers":[{"id":"V"}]"#, with: #""suppliers":[{"id":"X"}]"#), "[R035]").isEmpty,
                "the valid tenderer must be the one awarded")
        let twoValid = line.replacingOccurrences(of: #"{"status":"disqualified","tenderers":[{"id":"E"}]}"#, with: #"{"status":"valid","tenderers":[{"id":"E"}]}"#)
        #expect(try Self.flags(twoValid, "[R035]").isEmpty, "more than one tenderer has valid bids")
    }
}

struct PriceIndicatorTests {
    @Test func identicalPricesFromDifferentTenderersFlagThemAll() throws {
        let documented = #"{"ocid":"F","bids":{"details":[{"status":"valid","value":{"amount":1,"currency":"USD"},"tenderers":[{"id":"V"}]},{"status":"disqualified","value":{"amount":1,"currency":"USD"},"tenderers":[{"id":"D"}]}]}}"#
        #expect(try EngineTests.run([documented], settings: "[R028]").0.json(includeMeta: false)
                == #"{"OCID":{"F":{"R028":1.0}},"Tenderer":{"D":{"R028":1.0},"V":{"R028":1.0}}}"#)
        let sameTenderer = documented.replacingOccurrences(of: #""id":"D""#, with: #""id":"V""#)
        #expect(try EngineTests.run([sameTenderer], settings: "[R028]").0.groups.isEmpty, "one tenderer bidding twice is not two")
        let withdrawn = documented.replacingOccurrences(of: #""status":"disqualified""#, with: #""status":"withdrawn""#)
        #expect(try EngineTests.run([withdrawn], settings: "[R028]").0.groups.isEmpty, "a withdrawn bid was not submitted")
    }

    @Test func pricesAreComparedOnlyInTheMainCurrencyAndWhereAllowed() throws {
        let usd = #"{"ocid":"A","bids":{"details":[{"status":"valid","value":{"amount":5,"currency":"USD"},"tenderers":[{"id":"X"}]}]}}"#
        let mixed = #"{"ocid":"F","tender":{"procurementMethodDetails":"Sorteo"},"bids":{"details":[{"status":"valid","value":{"amount":1,"currency":"EUR"},"tenderers":[{"id":"V"}]},{"status":"valid","value":{"amount":1,"currency":"EUR"},"tenderers":[{"id":"D"}]}]}}"#
        // R036 compares amounts in the main currency: the first seen (USD), so the euro process is left out.
        let lowestInEuros = #"{"ocid":"F","bids":{"details":[{"status":"disqualified","value":{"amount":1,"currency":"EUR"}},{"status":"valid","value":{"amount":2,"currency":"EUR"}}]},"awards":[{"status":"active"}]}"#
        #expect(try EngineTests.run([usd, lowestInEuros], settings: "[R036]").0.groups.isEmpty)
        #expect(try EngineTests.run([usd, lowestInEuros], settings: "currency = EUR\n[R036]").0.groups[.ocid]?.keys == ["F"])
        // R028 compares amount and currency together, whatever the main currency.
        #expect(try EngineTests.run([usd, mixed], settings: "[R028]").0.groups[.ocid]?.keys == ["F"])
        let otherCurrency = mixed.replacingOccurrences(of: #""amount":1,"currency":"EUR"},"tenderers":[{"id":"D"}]"#, with: #""amount":1,"currency":"USD"},"tenderers":[{"id":"D"}]"#)
        #expect(try EngineTests.run([otherCurrency], settings: "[R028]").0.groups.isEmpty, "1 EUR is not 1 USD")
        #expect(try EngineTests.run([mixed], settings: "no_price_comparison_procurement_methods = Sorteo|Lottery\n[R028]").0.groups.isEmpty)
        #expect(try EngineTests.run([mixed], settings: "price_comparison_procurement_methods = Reverse Auction\n[R028]").0.groups.isEmpty)
    }

    @Test func theLowestSubmittedBidDisqualifiedIsFlagged() throws {
        let documented = #"{"ocid":"F","bids":{"details":[{"status":"disqualified","value":{"amount":1,"currency":"USD"}},{"status":"valid","value":{"amount":2,"currency":"USD"}}]},"awards":[{"status":"active"}]}"#
        #expect(try EngineTests.run([documented], settings: "[R036]").0.json(includeMeta: false) == #"{"OCID":{"F":{"R036":1.0}}}"#)
        #expect(try EngineTests.run([documented.replacingOccurrences(of: #""amount":2"#, with: #""amount":0.5"#)], settings: "[R036]").0.groups.isEmpty,
                "the valid bid is lowest")
        #expect(try EngineTests.run([documented.replacingOccurrences(of: #""status":"active""#, with: #""status":"cancelled""#)],
                                    settings: "[R036]").0.groups.isEmpty, "no active award")
        let tie = documented.replacingOccurrences(of: #""amount":2"#, with: #""amount":1"#)
        #expect(try EngineTests.run([tie], settings: "[R036]").0.groups[.ocid]?.keys == ["F"], "the disqualified bid is listed first")
    }
}

struct OutlierIndicatorTests {
    static func process(_ ocid: String, winner: Double, second: Double, winnerID: String = "W") -> String {
        #"{"ocid":"\#(ocid)","bids":{"details":[{"status":"valid","tenderers":[{"id":"\#(winnerID)"}],"value":{"amount":\#(winner),"currency":"USD"}},{"status":"valid","tenderers":[{"id":"L"}],"value":{"amount":\#(second),"currency":"USD"}}]},"awards":[{"status":"active","suppliers":[{"id":"\#(winnerID)"}]}]}"#
    }

    @Test func quartilesInterpolateLikeTypeEight() throws {
        let q = try #require(Quartiles([99, 1, 99, 99, 99]))
        #expect(abs(q.q1 - 66.3333) < 1e-4 && q.q3 == 99)
        #expect(abs(q.lowerFence - 17.3333) < 1e-4)
        #expect(try #require(Quartiles([7])).q1 == 7)
        #expect(Quartiles([]) == nil)
        #expect(try #require(Quartiles([0, 0, 0, 0, 0.5])).isDegenerate == false)
    }

    @Test func priceCloseToWinningBidFlagsTheLowOutlierAndBothBidders() throws {
        // Cardinal's documented example: one margin of 1 among margins of 99.
        let lines = [Self.process("F", winner: 1, second: 2)] + (1...4).map { Self.process(String($0), winner: 1, second: 100) }
        let results = try EngineTests.run(lines, settings: "[R024]").0
        #expect(results.json(includeMeta: false) == #"{"OCID":{"F":{"R024":1.0}},"Tenderer":{"W":{"R024":0.0},"L":{"R024":0.0}}}"#)
        #expect(results.meta["R024"]?.entries.map(\.0) == ["q1", "q3", "lower_fence"])
        #expect(try EngineTests.run(lines, settings: "[R024]\nthreshold = 0.5").0.groups[.ocid] == nil, "the configured fence is used")
    }

    @Test func heavilyDiscountedBidFlagsTheHighOutlierAndTheWinner() throws {
        let lines = [Self.process("F", winner: 1, second: 100)] + (1...4).map { Self.process(String($0), winner: 1, second: 2) }
        #expect(try EngineTests.run(lines, settings: "[R058]").0.json(includeMeta: false) == #"{"OCID":{"F":{"R058":99.0}},"Tenderer":{"W":{"R058":0.0}}}"#)
    }

    static func margin(_ line: String, currency: String) throws -> ContractingProcess {
        ContractingProcess(ocid: "F", release: try CompiledReleaseTests.decode(line), comparesPrices: true, mainCurrency: currency)
    }

    @Test func marginsNeedOneActiveAwardAndTheWinnerLowest() throws {
        let base = Self.process("F", winner: 1, second: 2)
        #expect(WinningMargin(try Self.margin(base, currency: "USD"))?.difference == 1)
        let notLowest = Self.process("F", winner: 3, second: 2)
        #expect(WinningMargin(try Self.margin(notLowest, currency: "USD")) == nil)
        let twoAwards = base.replacingOccurrences(of: #""awards":[{"status":"active","suppliers":[{"id":"W"}]}]"#,
                                                  with: #""awards":[{"status":"active","suppliers":[{"id":"W"}]},{"status":"active","suppliers":[{"id":"L"}]}]"#)
        #expect(WinningMargin(try Self.margin(twoAwards, currency: "USD")) == nil)
        let jointBid = base.replacingOccurrences(of: #"]},"awards""#,
                                                 with: #",{"status":"valid","tenderers":[{"id":"L"},{"id":"M"}],"value":{"amount":1.5,"currency":"USD"}}]},"awards""#)
        #expect(WinningMargin(try Self.margin(jointBid, currency: "USD"))?.difference == 1, "a joint bid is left out of the comparison, as cardinal leaves it")
        #expect(WinningMargin(try Self.margin(base, currency: "EUR")) == nil)
    }
}
