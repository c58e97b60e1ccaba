import Testing
@testable import RedFlags

/// `prepare`, one rule at a time, on small hand-made releases.
struct PreparationTests {
    static func prepare(_ line: String, _ settings: String = "") throws -> (String, [String]) {
        let (release, issues) = Preparation(try Settings.parse(settings)).prepare(try JSONParser.parse(Array(line.utf8)), line: 7)
        return (JSONWriter.string(release), issues.map(\.csvRow))
    }

    @Test func aBidWithoutStatusIsReportedLikeCardinalsExample() throws {
        let (output, issues) = try Self.prepare(#"{"ocid":"ocds-213czf-1","bids":{"details":[{"id":1}]}}"#)
        #expect(output == #"{"ocid":"ocds-213czf-1","bids":{"details":[{"id":1}]}}"#)
        #expect(issues == ["7,ocds-213czf-1,/bids/details[]/status,0,,not set"])
    }

    @Test func defaultsFillWhatIsMissingAndNothingElse() throws {
        let line = #"{"ocid":"X","bids":{"details":[{"value":{"amount":5},"items":[{"classification":{"id":"1"}}]},{"status":"valid","value":{"amount":6,"currency":"EUR"}}]},"awards":[{"id":1,"items":[{"classification":{"id":10,"scheme":"CPV"}}]}]}"#
        let settings = "[defaults]\ncurrency = USD\nitem_classification_scheme = UNSPSC\nbid_status = valid\naward_status = active"
        let (output, issues) = try Self.prepare(line, settings)
        #expect(output == #"{"ocid":"X","bids":{"details":[{"value":{"amount":5,"currency":"USD"},"items":[{"classification":{"id":"1","scheme":"UNSPSC"}}],"status":"valid"},{"status":"valid","value":{"amount":6,"currency":"EUR"}}]},"awards":[{"id":"1","items":[{"classification":{"id":"10","scheme":"CPV"}}],"status":"active"}]}"#)
        #expect(issues.isEmpty)
        let (_, unfilled) = try Self.prepare(line)
        #expect(unfilled == [
            "7,X,/bids/details[]/value/currency,0,,not set",
            "7,X,/bids/details[]/items[]/classification/scheme,0.0,,not set",
            "7,X,/bids/details[]/status,0,,not set",
            "7,X,/awards[]/status,0,,not set",
        ])
    }

    @Test func codesAreMappedAndUnknownCodesReported() throws {
        let line = #"{"ocid":"X","bids":{"details":[{"status":"Qualified"},{"status":"Open"}]},"awards":[{"status":"Active"}]}"#
        let (output, issues) = try Self.prepare(line, "[codelists.bid_status]\nQualified = valid\n[codelists.award_status]\nActive = active")
        #expect(output == #"{"ocid":"X","bids":{"details":[{"status":"valid"},{"status":"Open"}]},"awards":[{"status":"active"}]}"#)
        #expect(issues == ["7,X,/bids/details[]/status,1,Open,invalid"])
    }

    @Test func placeholdersAreRedactedAndZeroAmountsReported() throws {
        let line = #"{"ocid":"X","buyer":{"id":"N/A"},"bids":{"details":[{"status":"valid","value":{"amount":99999,"currency":"USD"},"tenderers":{"id":7}},{"status":"valid","value":{"amount":0,"currency":"USD"},"tenderers":[{"id":"N/A"}]}]}}"#
        let (output, issues) = try Self.prepare(line, "[redactions]\namount = 99999\norganization_id = N/A")
        #expect(output == #"{"ocid":"X","buyer":{},"bids":{"details":[{"status":"valid","value":{"currency":"USD"},"tenderers":[{"id":"7"}]},{"status":"valid","value":{"amount":0,"currency":"USD"},"tenderers":[{}]}]}}"#,
                "an object where a list belongs becomes a list; numeric ids become strings")
        #expect(issues == ["7,X,/bids/details[]/value/amount,1,,is zero"])
    }

    @Test func prefixesSplitsAuctionsAndRoles() throws {
        let line = #"{"ocid":"X","parties":[{"id":"DO-UC-1","roles":["payer"]},{"id":"DO-RPE-9"}],"buyer":{"id":"1"},"tender":{"procurementMethodDetails":"Compras Menores - Bienes"},"auctions":[{"stages":[{"bids":[{"status":"valid","tenderers":[{"id":"9"}]}]}]}]}"#
        let settings = """
            [defaults]
            party_roles = true
            [modifications]
            move_auctions = true
            prefix_buyer_or_procuring_entity_id = DO-UC-
            prefix_tenderer_or_supplier_id = DO-RPE-
            split_procurement_method_details = -
            """
        let (output, _) = try Self.prepare(line, settings)
        #expect(output == #"{"ocid":"X","parties":[{"id":"DO-UC-1","roles":["buyer","payer"]},{"id":"DO-RPE-9","roles":["tenderer"]}],"buyer":{"id":"DO-UC-1"},"tender":{"procurementMethodDetails":"Compras Menores"},"auctions":[{"stages":[{}]}],"bids":{"details":[{"status":"valid","tenderers":[{"id":"DO-RPE-9"}]}]}}"#)
    }

    @Test func awardsWhoseContractsAreAllCancelledAreCancelled() throws {
        let line = #"{"ocid":"X","awards":[{"id":1,"status":"active"},{"id":"2","status":"active"}],"contracts":[{"awardID":1,"status":"cancelled"},{"awardID":"2","status":"cancelled"},{"awardID":"2","status":"active"}]}"#
        let (output, _) = try Self.prepare(line, "[corrections]\naward_status_by_contract_status = true")
        #expect(output == #"{"ocid":"X","awards":[{"id":"1","status":"cancelled"},{"id":"2","status":"active"}],"contracts":[{"awardID":"1","status":"cancelled"},{"awardID":"2","status":"cancelled"},{"awardID":"2","status":"active"}]}"#)
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        let issue = PreparationIssue(line: 1, ocid: "a,\"b\"", path: "/awards[]/status", indexes: "0", value: "x", kind: .invalid)
        #expect(issue.csvRow == #"1,"a,""b""",/awards[]/status,0,x,invalid"#)
        #expect(JSONWriter.string(try! JSONParser.parse(Array(#"{"a":[1.5,-0.25,1e21,"\u0001é"],"b":null}"#.utf8))) == #"{"a":[1.5,-0.25,1e+21,"\u0001é"],"b":null}"#)
    }
}
