import Testing
@testable import RedFlags

/// R024 and R058 share the winning margin; one test per sentence of their exclusions and assumptions.
struct MarginDocumentedTests {
    /// Four ordinary margins of 0.1 and process F, whose bids are `status:tenderer:amount`.
    static func lines(_ bids: [String], awards: String = #"[{"status":"active","suppliers":[{"id":"W"}]}]"#) -> [String] {
        let details = bids.map { spec -> String in
            let part = spec.split(separator: ":").map(String.init)
            let tenderers = part[1].split(separator: "+").map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
            return #"{"status":"\#(part[0])","tenderers":[\#(tenderers)],"value":{"amount":\#(part[2]),"currency":"USD"}}"#
        }
        let f = #"{"ocid":"F","bids":{"details":[\#(details.joined(separator: ","))]},"awards":\#(awards)}"#
        return [f] + (1...4).map { OutlierIndicatorTests.process(String($0), winner: 10, second: 11) }
    }

    static func margin(_ lines: [String]) throws -> Double? {
        try EngineTests.run(lines, settings: "[R024]\nthreshold = 100").0.value(.ocid, "F", "R024")
    }

    @Test func theDifferenceIsSecondLowestValidMinusWinningOverWinning() throws {
        #expect(try Self.margin(Self.lines(["valid:W:100", "valid:L:101", "valid:M:150", "disqualified:D:90"])) == 0.01)
    }

    @Test func aProcessIsFlaggedAtOrBelowTheLowerFenceAndTheRunnerUpToo() throws {
        let results = try EngineTests.run(Self.lines(["valid:W:100", "valid:L:101"]), settings: "[R024]").0
        #expect(results.groups[.ocid]?.keys == ["F"] && results.value(.tenderer, "L", "R024") == 0 && results.value(.tenderer, "W", "R024") == 0)
    }

    @Test func aProcessIsFlaggedAtOrAboveTheUpperFenceAndOnlyTheWinnerToo() throws {
        let results = try EngineTests.run(Self.lines(["valid:W:100", "valid:L:200"]), settings: "[R058]").0
        #expect(results.groups[.ocid]?.keys == ["F"] && results.value(.tenderer, "W", "R058") == 0 && results.value(.tenderer, "L", "R058") == nil)
    }

    @Test func excludedIfAnAwardIsPendingOrInvalid() throws {
        for status in ["pending", "invalid"] {
            let awards = #"[{"status":"active","suppliers":[{"id":"W"}]},{"status":"\#(status)"}]"#
            #expect(try Self.margin(Self.lines(["valid:W:100", "valid:L:101"], awards: awards)) == nil)
        }
    }

    @Test func excludedIfTheWinningBidIsNotTheLowest() throws {
        #expect(try Self.margin(Self.lines(["valid:W:100", "valid:L:99"])) == nil)
    }

    @Test func excludedIfThereAreMultipleActiveAwards() throws {
        let awards = #"[{"status":"active","suppliers":[{"id":"W"}]},{"status":"active","suppliers":[{"id":"L"}]}]"#
        #expect(try Self.margin(Self.lines(["valid:W:100", "valid:L:101"], awards: awards)) == nil)
    }

    @Test func aBidSubmittedByMultipleTenderersIsLeftOutOfTheComparison() throws {
        // Cardinal skips the joint bid rather than the process.
        #expect(try Self.margin(Self.lines(["valid:W:100", "valid:X+Y:100.5", "valid:L:101"])) == 0.01)
        #expect(try Self.margin(Self.lines(["valid:W:100", "valid:X+Y:101"])) == nil, "no single-tenderer runner-up")
    }

    @Test func excludedIfAnAwardIsMadeToMultipleSuppliers() throws {
        let awards = #"[{"status":"active","suppliers":[{"id":"W"},{"id":"L"}]}]"#
        #expect(try Self.margin(Self.lines(["valid:W:100", "valid:L:101"], awards: awards)) == nil)
    }

    @Test func theWinnersLowestValidBidIsTheWinningBid() throws {
        #expect(try Self.margin(Self.lines(["valid:W:120", "valid:W:100", "valid:L:110"])) == 0.1)
    }
}

/// The rules cardinal documents for every indicator, and its glossary's "submitted".
struct SharedRulesDocumentedTests {
    @Test func aProcessIsExcludedIfItsOcidIsNotAString() throws {
        let (results, totals, _) = try EngineTests.run([#"{"ocid":7,"tender":{"numberOfTenderers":1,"procurementMethod":"open"}}"#], settings: "[R018]")
        #expect(results.groups.isEmpty && totals.excluded == 1)
    }

    @Test func organizationReferencesWithoutAnIdAreNotCounted() throws {
        let line = #"{"ocid":"F","bids":{"details":[{"status":"valid","tenderers":[{"name":"No id"}]},{"status":"disqualified","tenderers":[{"id":"D"}]}]},"awards":[{"status":"active","suppliers":[{"name":"No id"}]}]}"#
        #expect(try EngineTests.run([line], settings: "[R035]").0.groups.isEmpty, "no valid tenderer with an id, so no single winner")
    }

    @Test func amountsNotInTheMainCurrencyAreNotCompared() throws {
        let usd = #"{"ocid":"A","bids":{"details":[{"status":"valid","value":{"amount":5,"currency":"USD"}}]}}"#
        let euros = #"{"ocid":"F","bids":{"details":[{"status":"disqualified","value":{"amount":1,"currency":"EUR"}},{"status":"valid","value":{"amount":2,"currency":"EUR"}}]},"awards":[{"status":"active"}]}"#
        #expect(try EngineTests.run([usd, euros], settings: "[R036]").0.groups.isEmpty, "the first observed currency is the main one")
        #expect(try EngineTests.run([usd, euros], settings: "currency = EUR\n[R036]").0.groups[.ocid]?.keys == ["F"], "a configured one wins")
    }

    @Test func aBidIsSubmittedIfPendingValidOrDisqualifiedNotInvitedOrWithdrawn() {
        for (status, submitted) in [("pending", true), ("valid", true), ("disqualified", true), ("invited", false), ("withdrawn", false)] {
            #expect(Bid(status: status).isSubmitted == submitted, "\(status)")
        }
    }
}
