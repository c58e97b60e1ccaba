import Foundation
import Testing
@testable import RedFlags

/// The decoder reads releases straight from bytes; these tests hold it to what lookups in a whole JSON tree give,
/// which is how cardinal (serde_json) reads them: wrong types read as absent, the last duplicated name counts.
struct CompiledReleaseTests {
    static func decode(_ line: String) throws -> CompiledRelease {
        let bytes = Array(line.utf8)
        let release = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in try CompiledRelease.decode(line: buffer) }
        return try #require(release)
    }

    /// The reference: the same fields looked up in a parsed tree.
    enum TreeReading {
        static func release(_ json: JSONValue) -> CompiledRelease {
            var release = CompiledRelease()
            release.ocid = json["ocid"]?.string
            release.buyer = json["buyer", "id"]?.string
            if let tender = json["tender"] {
                release.tender.status = tender["status"]?.string
                release.tender.procurementMethod = tender["procurementMethod"]?.string
                release.tender.procurementMethodDetails = tender["procurementMethodDetails"]?.string
                release.tender.numberOfTenderers = tender["numberOfTenderers"]?.number
                release.tender.procuringEntity = tender["procuringEntity", "id"]?.string
                release.tender.datePublished = date(tender["datePublished"])
                release.tender.tenderPeriodStart = date(tender["tenderPeriod", "startDate"])
                release.tender.tenderPeriodEnd = date(tender["tenderPeriod", "endDate"])
            }
            release.bids = (json["bids", "details"]?.array ?? []).map { bid in
                Bid(status: bid["status"]?.string, tenderers: ids(bid["tenderers"]), tendererEntries: bid["tenderers"]?.array?.count ?? 0,
                    dateValue: date(bid["date"]),
                    amount: bid["value", "amount"]?.number, currency: bid["value", "currency"]?.string)
            }
            release.awards = (json["awards"]?.array ?? []).map { award in
                Award(id: identifier(award["id"]), status: award["status"]?.string, suppliers: ids(award["suppliers"]),
                      supplierEntries: award["suppliers"]?.array?.count ?? 0, date: date(award["date"]),
                      amount: award["value", "amount"]?.number, currency: award["value", "currency"]?.string,
                      items: (award["items"]?.array ?? []).map { item in
                          Item(classificationScheme: item["classification", "scheme"]?.string, classificationID: item["classification", "id"]?.string,
                               unitAmount: item["unit", "value", "amount"]?.number, unitCurrency: item["unit", "value", "currency"]?.string)
                      })
            }
            release.contracts = (json["contracts"]?.array ?? []).map { contract in
                Contract(awardID: identifier(contract["awardID"]), amount: contract["value", "amount"]?.number,
                         currency: contract["value", "currency"]?.string, dateSigned: date(contract["dateSigned"]),
                         isAmended: !(contract["amendments"]?.array ?? []).isEmpty)
            }
            release.parties = (json["parties"]?.array ?? []).map { party in
                let registered = party["identifier", "id"]
                return Party(id: party["id"]?.string, isIdentified: registered != nil && registered != .null && registered != .string(""))
            }
            return release
        }

        static func ids(_ list: JSONValue?) -> [String] { (list?.array ?? []).compactMap { $0["id"]?.string } }

        static func identifier(_ value: JSONValue?) -> String? { value?.string ?? value?.number.map(JSONWriter.number) }

        static func date(_ value: JSONValue?) -> ReleaseDate? {
            guard var text = value?.string else { return nil }
            return text.withUTF8(ReleaseDate.init(bytes:))
        }
    }

    static func agree(_ line: String) throws {
        #expect(try decode(line) == TreeReading.release(JSONParser.parse(Array(line.utf8))), "\(line)")
    }

    @Test func readsTheFieldsIndicatorsUse() throws {
        let release = try Self.decode(#"""
        {"ocid":"A","buyer":{"id":"B","name":"x"},"tender":{"status":"active","procurementMethod":"open","numberOfTenderers":2,
         "procuringEntity":{"id":"P"},"tenderPeriod":{"startDate":"2024-01-01T00:00:00Z","endDate":"2024-01-06"}},
         "bids":{"details":[{"status":"valid","tenderers":[{"id":"T1"},{"name":"no id"}],"value":{"amount":10.5,"currency":"USD"}}]},
         "awards":[{"id":7,"status":"active","suppliers":[{"id":"T1"}],"items":[{"classification":{"scheme":"CPV","id":"4510"},"unit":{"value":{"amount":2}}}]}],
         "contracts":[{"awardID":"7","amendments":[{}],"dateSigned":"2024-02-03T10:00:00+01:00"}],
         "parties":[{"id":"T1","identifier":{"id":0}},{"id":"B","identifier":{"id":""}}]}
        """#.replacingOccurrences(of: "\n", with: ""))
        #expect(release.ocid == "A" && release.buyer == "B" && release.tender.procuringEntity == "P")
        #expect(release.tender.numberOfTenderers == 2 && release.tender.tenderPeriodStart?.seconds == 1_704_067_200)
        #expect(release.tender.tenderPeriodEnd?.seconds == nil && release.tender.tenderPeriodEnd?.day == 19_728, "a date without a time has a day only")
        #expect(release.bids.map(\.tenderers) == [["T1"]] && release.bids[0].amount == 10.5)
        #expect(release.awards[0].id == "7" && release.awards[0].items[0].classificationID == "4510" && release.awards[0].items[0].unitAmount == 2)
        #expect(release.contracts[0].isAmended && release.contracts[0].awardID == "7")
        #expect(release.parties.map(\.isIdentified) == [true, false])
    }

    @Test func readsAsATreeLookupDoesOnAwkwardShapes() throws {
        for line in [
            #"{"ocid":"A","tender":{"status":"cancelled"},"tender":{"procurementMethod":"open"}}"#,
            #"{"ocid":"A","ocid":5,"buyer":"B","tender":[{"status":"x"}]}"#,
            #"{"ocid":"A","bids":{"details":{"status":"valid"}},"awards":[1,null,{"suppliers":[{"id":"S"},{"id":2},"S"]}]}"#,
            #"{"\u006fcid":"escaped name","t\u0065nder":{"procurementMethodDetails":"\u0041b"},"parties":[{"id":"P","identifier":{"id":null}}]}"#,
            #"{"ocid":"A","awards":[{"id":-1.5e3,"value":{"amount":"10","currency":1}}],"contracts":[{"awardID":true,"amendments":{}}]}"#,
            #"{"ocid":"A","parties":[{"id":"P","identifier":{"id":{}}},{"id":"Q","identifier":{"id":[]},"identifier":{}}]}"#,
            #"{"ocid":"A","awards":[{"items":[{"classification":{"id":"1"},"classification":null,"unit":{"value":{"amount":3},"value":{}}}]}]}"#,
        ] { try Self.agree(line) }
    }

    @Test func readsAsATreeLookupDoesOnMutatedReleases() throws {
        var random = SplitMix64(seed: 9)
        for size in SyntheticReleases.Size.allCases {
            let releases = SyntheticReleases(size: size)
            for index in 0..<150 {
                let tree = try JSONParser.parse(Array(releases.line(index).utf8))
                let mutated = Self.mutate(tree, &random)
                if mutated.isObject { try Self.agree(JSONWriter.string(mutated)) }
            }
        }
    }

    @Test func refusesExactlyWhatTheParserRefuses() {
        for line in ["", "{", #"{"ocid":"A""#, #"{"ocid":"A","bids":{"details":[{"x":1}"#, #"{"a":[1,]}"#, #"{"ocid":"\u00"}"#, "{} x",
                     "[1, 2 3]", #"{"bids":{"details":[{"status":"valid"} {"status":"valid"}]}}"#] {
            let bytes = Array(line.utf8)
            let parser = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }.map { _ in 0 }
            let decoder = Result { () throws(JSONSyntaxError) in try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) in try CompiledRelease.decode(line: b) } }.map { _ in 0 }
            #expect(parser == decoder, "\(line)")
            if case .success = parser { Issue.record("\(line) should be refused") }
        }
        #expect(throws: JSONSyntaxError(offset: 11, reason: .unexpectedEnd)) { try JSONParser.parse(Array(#"{"ocid":"A""#.utf8)) }
    }

    @Test func aLineThatIsJSONButNotAnObjectIsReportedAsSuch() {
        let bytes = Array("[1,2]".utf8)
        guard case .problem(let reason) = bytes.withUnsafeBufferPointer(IndicatorRun.parse) else {
            Issue.record("an array is not a release")
            return
        }
        #expect(reason == "not a JSON object")
    }

    /// Replaces values with others of any type, duplicates members, adds elements that are not objects.
    static func mutate(_ value: JSONValue, _ random: inout SplitMix64) -> JSONValue {
        let odd: [JSONValue] = [.null, .bool(true), .number(0), .number(7), .string(""), .string("valid"), .string("2024-01-06T10:00:00Z"),
                                .array([]), .object([]), .object([("id", .number(5))]), .array([.null, .object([("id", .string("X"))])])]
        if random.next(12) == 0 { return odd[random.next(odd.count)] }
        switch value {
        case .object(let members):
            var mutated = members.filter { _ in random.next(20) != 0 }.map { ($0.0, mutate($0.1, &random)) }
            if random.next(10) == 0, let member = members.randomElement(using: &random) { mutated.append((member.0, odd[random.next(odd.count)])) }
            return .object(mutated)
        case .array(let items):
            var mutated = items.map { mutate($0, &random) }
            if random.next(8) == 0 { mutated.insert(odd[random.next(odd.count)], at: 0) }
            return .array(mutated)
        default:
            return value
        }
    }
}

extension SplitMix64: RandomNumberGenerator {}
