/// Deterministic synthetic compiled releases for benchmarks and demos: buyers, tenderers, bids and awards drawn
/// from a seeded generator so that every indicator has something to find. `small` releases are about 1 KB;
/// `large` ones add parties, items, documents and contracts to about 12 KB, the size of real-world releases.
public struct SyntheticReleases: Sendable {
    public enum Size: String, Sendable, CaseIterable {
        case small, large
    }

    let size: Size
    let seed: UInt64
    let buyers = 60
    let suppliers = 400

    public init(size: Size, seed: UInt64 = 2026) {
        self.size = size
        self.seed = seed
    }

    /// The release on line `index` (0-based); the same index always gives the same text.
    public func line(_ index: Int) -> String {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let ocid = "ocds-synth-\(index)"
        let buyer = "B\(random.next(buyers))"
        let method = ["open", "open", "open", "selective", "limited", "direct"][random.next(6)]
        let start = 1_700_000_000 + random.next(30_000_000)
        let days = random.next(10) < 2 ? random.next(10) : 15 + random.next(30)
        let end = start + days * 86_400
        let bidCount = method == "direct" ? 1 : 1 + random.next(6)
        let base = Double(10_000 + random.next(2_000_000))
        var bids: [(id: String, tenderer: String, amount: Double, status: String, date: Int)] = []
        for b in 0..<bidCount {
            let tenderer = "S\(random.next(suppliers))"
            let factor = 1 + Double(random.next(300)) / 1000 - (random.next(25) == 0 ? 0.4 : 0)
            let status = random.next(12) == 0 ? "disqualified" : "valid"
            bids.append(("\(b + 1)", tenderer, (base * factor).rounded(), status, end - 86_400 - random.next(5) * 86_400 + (random.next(40) == 0 ? 172_800 : 0)))
        }
        let valid = bids.filter { $0.status == "valid" }
        let winner = valid.min { $0.amount < $1.amount }
        var parts: [String] = [
            #""ocid":"\#(ocid)""#, #""id":"\#(ocid)-1""#, #""date":"\#(Self.date(end + 20 * 86_400))""#,
            #""tag":["compiled"]"#, #""initiationType":"tender""#,
            #""buyer":{"id":"\#(buyer)","name":"Buyer \#(buyer)"}"#,
        ]
        if size == .large { parts.append(#""parties":[\#(parties(buyer: buyer, bids: bids.map(\.tenderer), random: &random))]"#) }
        parts.append(#""tender":{"id":"\#(ocid)-tender","title":"Supply of goods \#(index)","status":"complete","procurementMethod":"\#(method)","procurementMethodDetails":"Procedure: \#(method)","numberOfTenderers":\#(Set(bids.map(\.tenderer)).count),"procuringEntity":{"id":"\#(buyer)","name":"Buyer \#(buyer)"},"value":{"amount":\#(Int(base)),"currency":"USD"},"tenderPeriod":{"startDate":"\#(Self.date(start))","endDate":"\#(Self.date(end))"}\#(size == .large ? "," + tenderDetails(ocid, random: &random) : "")}"#)
        let details = bids.map { #"{"id":"\#($0.id)","status":"\#($0.status)","date":"\#(Self.date($0.date))","value":{"amount":\#(Int($0.amount)),"currency":"USD"},"tenderers":[{"id":"\#($0.tenderer)","name":"Supplier \#($0.tenderer)"}]}"# }
        parts.append(#""bids":{"details":[\#(details.joined(separator: ","))]}"#)
        if let winner {
            let items = (0..<(1 + random.next(3))).map { i in #"{"id":"\#(i + 1)","classification":{"scheme":"UNSPSC","id":"\#(10 + random.next(80))\#(100_000 + random.next(900_000))"},"quantity":\#(1 + random.next(50))}"# }
            parts.append(#""awards":[{"id":"\#(ocid)-award","status":"active","date":"\#(Self.date(end + 10 * 86_400))","value":{"amount":\#(Int(winner.amount)),"currency":"USD"},"suppliers":[{"id":"\#(winner.tenderer)","name":"Supplier \#(winner.tenderer)"}],"items":[\#(items.joined(separator: ","))]}]"#)
            if size == .large { parts.append(contracts(ocid, amount: winner.amount, random: &random)) }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private func parties(buyer: String, bids tenderers: [String], random: inout SplitMix64) -> String {
        ([buyer] + Set(tenderers).sorted()).map { id in
            #"{"id":"\#(id)","name":"Organization \#(id)","identifier":{"scheme":"XX-REG","id":"\#(id)-\#(random.next(1_000_000))","legalName":"Organization \#(id) Limited"},"address":{"streetAddress":"\#(1 + random.next(999)) Example Street","locality":"Capital City","region":"Central Region","postalCode":"\#(10_000 + random.next(89_999))","countryName":"Atlantis"},"contactPoint":{"name":"Procurement Office","email":"office@example.invalid","telephone":"+00 \#(random.next(99_999_999))"},"roles":["\#(id == buyer ? "buyer" : "tenderer")"]}"#
        }.joined(separator: ",")
    }

    private func tenderDetails(_ ocid: String, random: inout SplitMix64) -> String {
        let items = (0..<(8 + random.next(8))).map { i in
            #"{"id":"\#(i + 1)","description":"Item \#(i + 1): equipment, spare parts and related services delivered to the regional offices as specified in the technical annex","classification":{"scheme":"UNSPSC","id":"\#(10 + random.next(80))\#(100_000 + random.next(900_000))","description":"Classification description for item \#(i + 1)"},"quantity":\#(1 + random.next(500)),"unit":{"name":"Unit","value":{"amount":\#(1 + random.next(9_999)),"currency":"USD"}}}"#
        }
        let documents = (0..<(6 + random.next(6))).map { d in
            #"{"id":"\#(ocid)-doc-\#(d + 1)","documentType":"\#(["tenderNotice", "biddingDocuments", "technicalSpecifications", "evaluationCriteria", "clarifications"][d % 5])","title":"Document \#(d + 1) for the procedure","description":"The published document number \#(d + 1), as issued by the procuring entity during the tender period","url":"https://procurement.example.invalid/documents/\#(ocid)/\#(d + 1).pdf","datePublished":"2024-01-\#(10 + d % 18)T09:00:00Z","format":"application/pdf","language":"en"}"#
        }
        return #""description":"Framework procurement of goods and related services for the public body, as described in the bidding documents and the technical annexes published with this notice.","mainProcurementCategory":"goods","awardCriteria":"priceOnly","submissionMethod":["electronicSubmission"],"items":[\#(items.joined(separator: ","))],"documents":[\#(documents.joined(separator: ","))]"#
    }

    private func contracts(_ ocid: String, amount: Double, random: inout SplitMix64) -> String {
        let transactions = (0..<(2 + random.next(4))).map { t in
            #"{"id":"\#(ocid)-tx-\#(t + 1)","source":"https://finance.example.invalid","date":"2024-0\#(1 + t % 9)-15T00:00:00Z","value":{"amount":\#(Int(amount) / 4),"currency":"USD"},"payer":{"id":"TREASURY","name":"National Treasury"},"payee":{"id":"PAYEE","name":"Payee"}}"#
        }
        return #""contracts":[{"id":"\#(ocid)-contract","awardID":"\#(ocid)-award","title":"Contract for \#(ocid)","status":"active","value":{"amount":\#(Int(amount)),"currency":"USD"},"period":{"startDate":"2024-01-01T00:00:00Z","endDate":"2024-12-31T00:00:00Z"},"dateSigned":"2024-01-01T00:00:00Z","implementation":{"transactions":[\#(transactions.joined(separator: ","))]}}]"#
    }

    static func date(_ seconds: Int) -> String {
        let days = seconds / 86_400
        let (year, month, day) = Timestamp.civil(fromDays: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let rest = seconds % 86_400
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so synthetic data is reproducible.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
