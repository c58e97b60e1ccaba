import Testing
@testable import RedFlags

/// R025, one test per sentence of cardinal's documentation, and one per eligibility rule that cardinal applies.
struct R025DocumentedTests {
    /// A process from bids written as `status:tenderer` (`valid:A`, `valid:A+B` for a joint bid) and awards written
    /// as `status:supplier` (`active:A`, `active:A+B`, `active` with no supplier, `-:A` with no status).
    static func process(_ ocid: String, bids: [String], awards: [String]) -> String {
        let bidJSON = bids.map { spec -> String in
            let (status, ids) = split(spec)
            return "{" + (status.map { #""status":"\#($0)","# } ?? "") + #""tenderers":[\#(parties(ids))]}"#
        }
        let awardJSON = awards.map { spec -> String in
            let (status, ids) = split(spec)
            let members = status.map { [#""status":"\#($0)""#] } ?? []
            return "{" + (members + (ids.isEmpty ? [] : [#""suppliers":[\#(parties(ids))]"#])).joined(separator: ",") + "}"
        }
        return #"{"ocid":"\#(ocid)","bids":{"details":[\#(bidJSON.joined(separator: ","))]},"awards":[\#(awardJSON.joined(separator: ","))]}"#
    }

    private static func split(_ spec: String) -> (status: String?, ids: [String]) {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        let status = parts[0] == "-" ? nil : parts[0]
        return (status, parts.count > 1 ? parts[1].split(separator: "+").map(String.init) : [])
    }

    private static func parties(_ ids: [String]) -> String {
        ids.map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
    }

    /// F's tally after the lines, with a fence of 1, so any ratio is flagged, and every tenderer counted as top.
    static func ratio(of tenderer: String = "F", _ lines: [String]) throws -> Double? {
        try EngineTests.run(lines, settings: "[R025]\nthreshold = 1\npercentile = 0").0.value(.tenderer, tenderer, "R025")
    }

    static let won = process("won", bids: ["valid:F"], awards: ["active:F"])
    static let lost = process("lost", bids: ["valid:F", "valid:X"], awards: ["active:X"])

    @Test func theRatioIsWinningBidsOverValidBidsAcrossAllProcesses() throws {
        #expect(try Self.ratio([Self.won, Self.lost, Self.lost.replacingOccurrences(of: "lost", with: "lost2")]) == 1.0 / 3)
    }

    @Test func aTopTendererHasAtLeastTheUpperFenceOfValidBids() throws {
        // F bids in 6 processes, the others in 1 or 2: F alone reaches the 75th percentile.
        let lines = [Self.won] + (1...5).map { Self.process(String($0), bids: ["valid:F", "valid:\($0)"], awards: ["active:\($0)"]) }
        let results = try EngineTests.run(lines, settings: "[R025]\nthreshold = 0.9").0
        #expect(results.groups[.tenderer]?.keys == ["F"], "the others are below the upper fence")
        #expect(results.meta["R025"]?.entries.map(\.0) == ["upper_fence", "lower_fence"])
    }

    @Test func theRatioMustBeAtOrBelowTheLowerFenceOfRatios() throws {
        // Cardinal's documented demonstration: F wins 1 of 6; five others win their only bid.
        let lines = [Self.won] + (1...5).map { Self.process(String($0), bids: ["valid:F", "valid:\($0)"], awards: ["active:\($0)"]) }
        let results = try EngineTests.run(lines, settings: "[R025]").0
        #expect(results.json(includeMeta: false) == #"{"Tenderer":{"F":{"R025":0.16666666666666666}}}"#)
        #expect(results.meta["R025"]?.entries.map(\.0) == ["q1", "q3", "upper_fence", "lower_fence"])
        #expect(try EngineTests.run(lines, settings: "[R025]\nthreshold = 0.1").0.groups.isEmpty, "a configured fence replaces Q1 − 1.5·IQR")
    }

    @Test func thePercentileSettingMovesTheUpperFence() throws {
        let lines = [Self.won, Self.lost] + (1...3).map { Self.process(String($0), bids: ["valid:\($0)"], awards: ["active:\($0)"]) }
        #expect(try EngineTests.run(lines, settings: "[R025]\nthreshold = 0.9\npercentile = 100").0.groups[.tenderer]?.keys == ["F"])
    }

    @Test func nothingIsFlaggedWhenQ1OrTheFenceIsNotPositive() throws {
        // Most tenderers never win: Q1 is 0, so nothing is flagged even though F's ratio is 0.
        let losers = (1...6).map { Self.process(String($0), bids: ["valid:F", "valid:L\($0)"], awards: ["active:W"]) }
        #expect(try EngineTests.run(losers, settings: "[R025]").0.groups.isEmpty)
        #expect(try EngineTests.run(losers, settings: "[R025]\nthreshold = 0").0.groups.isEmpty, "a fence of 0 flags nothing")
    }

    @Test func amountsAreNotNeeded() throws {
        #expect(try Self.ratio([Self.won, Self.lost]) == 0.5)
    }

    @Test func onlyValidBidsCount() throws {
        let other = ["disqualified", "pending", "invited", "withdrawn"].map { Self.process($0, bids: ["\($0):F"], awards: ["active:X"]) }
        #expect(try Self.ratio([Self.won] + other) == 1)
    }

    @Test func severalBidsByOneTendererInOneProcessCountOnce() throws {
        #expect(try Self.ratio([Self.won, Self.process("twice", bids: ["valid:F", "valid:F", "valid:X"], awards: ["active:X"])]) == 0.5)
        #expect(try Self.ratio([Self.process("twice-won", bids: ["valid:F", "valid:F"], awards: ["active:F"]), Self.lost]) == 0.5)
    }

    @Test func aProcessWithAPendingOrInvalidAwardIsExcluded() throws {
        for status in ["pending", "invalid", "Active"] {
            #expect(try Self.ratio([Self.won, Self.process(status, bids: ["valid:F"], awards: ["active:X", status])]) == 1, "\(status)")
        }
        // Cancelled and unsuccessful awards are final, and an award without a status does not count against it.
        #expect(try Self.ratio([Self.won, Self.process("final", bids: ["valid:F"], awards: ["cancelled:F", "unsuccessful:F", "-:F", "active:X"])]) == 0.5)
    }

    @Test func aProcessWithSeveralActiveAwardsIsExcluded() throws {
        #expect(try Self.ratio([Self.won, Self.process("two", bids: ["valid:F", "valid:X"], awards: ["active:X", "active:F"])]) == 1)
    }

    @Test func aProcessWithoutAnActiveAwardIsExcluded() throws {
        #expect(try Self.ratio([Self.won, Self.process("none", bids: ["valid:F"], awards: ["cancelled:X"])]) == 1)
        #expect(try Self.ratio([Self.won, Self.process("no-awards", bids: ["valid:F"], awards: [])]) == 1)
    }

    @Test func aProcessWhoseActiveAwardHasSeveralSuppliersOrNoneIsExcluded() throws {
        #expect(try Self.ratio([Self.won, Self.process("joint", bids: ["valid:F"], awards: ["active:X+Y"])]) == 1)
        #expect(try Self.ratio([Self.won, Self.process("nobody", bids: ["valid:F"], awards: ["active"])]) == 1)
        #expect(try Self.ratio([Self.won, Self.process("joint-cancelled", bids: ["valid:F"], awards: ["cancelled:X+Y", "active:X"])]) == 0.5,
                "only the active award's suppliers matter")
    }

    @Test func aBidSubmittedByMultipleTenderersCountsForNobody() throws {
        // Cardinal leaves the joint bid out, not the whole process: F's own bid in it still counts.
        let withJointBid = Self.process("joint-bid", bids: ["valid:F", "valid:Y+Z"], awards: ["active:Y"])
        #expect(try Self.ratio([Self.won, withJointBid]) == 0.5)
        #expect(try Self.ratio(of: "Y", [Self.won, withJointBid]) == nil)
    }

    @Test func tenEligibleProcessesWithTwoWinsGiveOneFifth() throws {
        // The hand-made case where cardinal gave 0.2: every shape above, mixed in one file.
        var lines = [Self.won, Self.process("won-twice", bids: ["valid:F", "valid:F"], awards: ["active:F"])]
        lines += (1...4).map { Self.process("lost\($0)", bids: ["valid:F", "valid:X"], awards: ["active:X"]) }
        lines.append(Self.process("joint-bid", bids: ["valid:F", "valid:Y+Z"], awards: ["active:X"]))
        lines.append(Self.process("twice", bids: ["valid:F", "valid:F"], awards: ["active:X"]))
        lines.append(Self.process("cancelled-joint", bids: ["valid:F"], awards: ["cancelled:Y+Z", "active:X"]))
        lines.append(Self.process("no-status", bids: ["valid:F"], awards: ["-:F", "active:X"]))
        // Not eligible: no active award, a pending award, two active awards.
        lines.append(Self.process("no-active", bids: ["valid:F"], awards: ["unsuccessful:F"]))
        lines.append(Self.process("pending", bids: ["valid:F"], awards: ["pending:F"]))
        lines.append(Self.process("two-active", bids: ["valid:F"], awards: ["active:F", "active:X"]))
        #expect(try Self.ratio(lines) == 0.2)
    }
}
