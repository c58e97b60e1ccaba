import Testing
@testable import RedFlags

/// R036, one test per sentence of cardinal's documentation.
struct R036DocumentedTests {
    static func process(bids: [(status: String, amount: Double?)], award: String = "active", details: String? = nil) -> String {
        let bidJSON = bids.map { bid in
            #"{"status":"\#(bid.status)""# + (bid.amount.map { #","value":{"amount":\#($0),"currency":"USD"}"# } ?? "") + "}"
        }
        let tender = details.map { #","tender":{"procurementMethodDetails":"\#($0)"}"# } ?? ""
        return #"{"ocid":"F","bids":{"details":[\#(bidJSON.joined(separator: ","))]},"awards":[{"status":"\#(award)"}]\#(tender)}"#
    }

    static func flagged(_ line: String, settings: String = "[R036]") throws -> Bool {
        try EngineTests.run([line], settings: settings).0.value(.ocid, "F", "R036") == 1
    }

    @Test func thereAreOneOrMoreActiveAwards() throws {
        #expect(try Self.flagged(Self.process(bids: [("disqualified", 1), ("valid", 2)])))
        #expect(try !Self.flagged(Self.process(bids: [("disqualified", 1), ("valid", 2)], award: "pending")))
    }

    @Test func thereAreOneOrMoreValidBidsWithAmounts() throws {
        #expect(try !Self.flagged(Self.process(bids: [("disqualified", 1), ("pending", 2)])))
        #expect(try !Self.flagged(Self.process(bids: [("disqualified", 1), ("valid", nil)])), "a valid bid without an amount")
    }

    @Test func theLowestSubmittedBidIsDisqualified() throws {
        #expect(try !Self.flagged(Self.process(bids: [("disqualified", 2), ("valid", 1)])))
        #expect(try !Self.flagged(Self.process(bids: [("pending", 1), ("disqualified", 1.5), ("valid", 2)])), "a pending bid is lowest")
        #expect(try Self.flagged(Self.process(bids: [("withdrawn", 1), ("disqualified", 1.5), ("valid", 2)])), "a withdrawn bid was not submitted")
    }

    @Test func aDisqualifiedBidListedFirstAtTheLowestAmountIsTheLowest() throws {
        #expect(try Self.flagged(Self.process(bids: [("disqualified", 1), ("valid", 1)])))
        #expect(try !Self.flagged(Self.process(bids: [("valid", 1), ("disqualified", 1)])), "the valid bid is listed first")
    }

    @Test func aProcessIsExcludedIfPricesArePredeterminedByTheBuyer() throws {
        let line = Self.process(bids: [("disqualified", 1), ("valid", 2)], details: "Sorteo")
        #expect(try !Self.flagged(line, settings: "no_price_comparison_procurement_methods = Sorteo\n[R036]"))
        #expect(try Self.flagged(line, settings: "price_comparison_procurement_methods = Sorteo\n[R036]"))
    }

    @Test func theOutputIsAlwaysOne() throws {
        #expect(try EngineTests.run([Self.process(bids: [("disqualified", 1), ("valid", 2)])], settings: "[R036]").0.json(includeMeta: false)
                == #"{"OCID":{"F":{"R036":1.0}}}"#)
    }
}
