import FastJSON

/// The event schema, checked member by member: required members, their types and forms, and no others.
/// Problems name a JSON Pointer, as the ownership import does.
public enum LedgerEventSchema {
    /// Entry bundles prefix each entry with a 16-bit length; the event leaves room for the entry's header lines.
    public static let maximumBytes = 60_000

    public static func parse(_ bytes: [UInt8]) throws(LedgerRefusal) -> LedgerEvent {
        guard bytes.count <= maximumBytes else { throw .tooLarge }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw .schema(pointer: "", problem: error.lineReason) }
        guard case .object(let members) = value else { throw .schema(pointer: "", problem: "an event is a JSON object") }
        var reader = Members(members, at: "")
        let kindText = try reader.string("type")
        guard let kind = LedgerEvent.Kind(rawValue: kindText) else {
            throw .schema(pointer: "/type", problem: "one of " + LedgerEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let procurement = try reader.identifier("procurement")
        let body = try self.body(kind, &reader)
        try reader.finish()
        return LedgerEvent(procurement: procurement, body: body)
    }

    private static func body(_ kind: LedgerEvent.Kind, _ r: inout Members) throws(LedgerRefusal) -> LedgerEvent.Body {
        switch kind {
        case .tender:
            return .tender(Tender(buyer: try r.identifier("buyer"), title: try r.text("title", max: 300),
                                  deadlineMs: try r.instant("deadline"), incentive: try r.incentive("incentive"),
                                  value: try r.money("value", required: false)))
        case .bid:
            let supplier = try r.identifier("supplier")
            guard let commitment = BidCommitment(hex: try r.string("commitment")) else {
                throw .schema(pointer: "/commitment", problem: "64 lower-case hexadecimal digits (SHA-256)")
            }
            return .bid(supplier: supplier, commitment: commitment)
        case .reveal:
            let supplier = try r.identifier("supplier")
            let offer = try r.money("offer", required: true)!
            let nonce = try r.string("nonce")
            guard (32...128).contains(nonce.count), nonce.allSatisfy({ $0.isHexDigit }) else {
                throw .schema(pointer: "/nonce", problem: "32 to 128 hexadecimal digits")
            }
            return .reveal(supplier: supplier, offer: offer, nonce: nonce)
        case .award:
            return .award(supplier: try r.identifier("supplier"), value: try r.money("value", required: true)!)
        case .contract:
            return .contract(supplier: try r.identifier("supplier"), value: try r.money("value", required: true)!)
        case .amendment:
            return .amendment(description: try r.text("description", max: 2000), value: try r.money("value", required: false))
        }
    }

    /// Takes members by name and refuses any left over.
    struct Members {
        private var members: [(String, JSONValue)]
        let pointer: String

        init(_ members: [(String, JSONValue)], at pointer: String) {
            self.members = members
            self.pointer = pointer
        }

        mutating func take(_ name: String) -> JSONValue? {
            guard let index = members.lastIndex(where: { $0.0 == name }) else { return nil }
            let value = members[index].1
            members.removeAll { $0.0 == name }
            return value
        }

        func finish() throws(LedgerRefusal) {
            if let extra = members.first {
                throw .schema(pointer: "\(pointer)/\(extra.0)", problem: "not a member of this event")
            }
        }

        mutating func string(_ name: String) throws(LedgerRefusal) -> String {
            guard let value = take(name) else { throw .schema(pointer: "\(pointer)/\(name)", problem: "required") }
            guard let text = value.string else { throw .schema(pointer: "\(pointer)/\(name)", problem: "a string") }
            return text
        }

        /// Letters, digits, `.`, `_`, `-` and `:`, 1–100 of them: procurement ids (OCIDs) and organisation ids.
        mutating func identifier(_ name: String) throws(LedgerRefusal) -> String {
            let text = try string(name)
            guard (1...100).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-:".contains($0)) }) else {
                throw .schema(pointer: "\(pointer)/\(name)", problem: "1 to 100 letters, digits, '.', '_', '-' or ':'")
            }
            return text
        }

        mutating func text(_ name: String, max: Int) throws(LedgerRefusal) -> String {
            let text = try string(name)
            guard !text.allSatisfy(\.isWhitespace), text.count <= max else {
                throw .schema(pointer: "\(pointer)/\(name)", problem: "not empty, at most \(max) characters")
            }
            return text
        }

        mutating func instant(_ name: String) throws(LedgerRefusal) -> Int64 {
            guard let ms = Instant.parse(try string(name)) else {
                throw .schema(pointer: "\(pointer)/\(name)", problem: "a UTC time such as 2026-12-10T12:00:00Z")
            }
            return ms
        }

        mutating func money(_ name: String, required: Bool) throws(LedgerRefusal) -> Money? {
            let at = "\(pointer)/\(name)"
            guard let value = take(name) else {
                if required { throw .schema(pointer: at, problem: "required") }
                return nil
            }
            guard case .object(let fields) = value else { throw .schema(pointer: at, problem: "an object with amount and currency") }
            var inner = Members(fields, at: at)
            let amount = try inner.string("amount"), currency = try inner.string("currency")
            try inner.finish()
            guard let money = Money(amount: amount, currency: currency) else {
                throw .schema(pointer: at, problem: "amount as decimal text such as \"1250.00\", currency as ISO 4217 such as EUR")
            }
            return money
        }

        mutating func incentive(_ name: String) throws(LedgerRefusal) -> DisclosureIncentive {
            let at = "\(pointer)/\(name)"
            guard case .object(let fields)? = take(name) else { throw .schema(pointer: at, problem: "an object with a kind") }
            var inner = Members(fields, at: at)
            let incentive: DisclosureIncentive
            switch try inner.string("kind") {
            case "none": incentive = .none
            case "gating": incentive = .gating
            case "outcome":
                guard let points = inner.take("points")?.number, points >= 1, points <= 100, points == points.rounded() else {
                    throw .schema(pointer: "\(at)/points", problem: "a whole number of points from 1 to 100")
                }
                incentive = .outcome(points: Int(points))
            case "compensation":
                incentive = .compensation(bonus: try inner.money("bonus", required: true)!)
            default:
                throw .schema(pointer: "\(at)/kind", problem: "one of none, gating, outcome, compensation")
            }
            try inner.finish()
            return incentive
        }
    }
}
