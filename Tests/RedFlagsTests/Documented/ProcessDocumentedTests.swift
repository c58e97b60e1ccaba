import Testing
@testable import RedFlags

/// Sentences of cardinal's R030 and R035 pages that the older tests (BidIndicatorTests) did not hold on their own.
struct ProcessDocumentedTests {
    static func flags(_ line: String, _ settings: String) throws -> Results {
        try EngineTests.run([line], settings: settings).0
    }

    @Test func r030AtLeastOneTendererOfTheLateValidBidSuppliesAnActiveAward() throws {
        let joint = #"{"ocid":"F","bids":{"details":[{"status":"valid","date":"2000-04-01T00:00:00Z","tenderers":[{"id":"W"},{"id":"P"}]}]},"tender":{"tenderPeriod":{"endDate":"2000-03-15T00:00:00Z"}},"awards":[{"status":"active","suppliers":[{"id":"W"}]}]}"#
        let results = try Self.flags(joint, "[R030]")
        #expect(results.value(.ocid, "F", "R030") == 1 && results.value(.tenderer, "W", "R030") == 1)
        #expect(results.value(.tenderer, "P", "R030") == nil, "only the tenderers that won are flagged")
    }

    @Test func r035IsExcludedWhenAnAwardIsPendingOrOutsideTheCodelist() throws {
        let line = #"{"ocid":"F","bids":{"details":[{"status":"disqualified","tenderers":[{"id":"D"}]},{"status":"valid","tenderers":[{"id":"V"}]}]},"awards":[{"status":"active","suppliers":[{"id":"V"}]},{"status":"STATUS"}]}"#
        for status in ["pending", "invalid", "Awarded"] {
            #expect(try Self.flags(line.replacingOccurrences(of: "STATUS", with: status), "[R035]").groups.isEmpty, "\(status)")
        }
        for status in ["cancelled", "unsuccessful"] {
            #expect(try Self.flags(line.replacingOccurrences(of: "STATUS", with: status), "[R035]").value(.ocid, "F", "R035") == 1, "\(status)")
        }
    }
}
