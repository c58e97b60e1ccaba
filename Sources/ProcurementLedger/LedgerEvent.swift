import FastJSON

/// A procurement event as a buyer or supplier signs it. The signed bytes are the event's JSON text exactly as sent,
/// so no canonical form is needed to check a signature.
public struct LedgerEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case tender, bid, reveal, award, contract, amendment
    }

    public let procurement: String
    public let body: Body

    public enum Body: Sendable, Equatable {
        case tender(Tender)
        /// A sealed bid: only the commitment, before the deadline.
        case bid(supplier: String, commitment: BidCommitment)
        /// The opening: the bid itself and the nonce, after the deadline.
        case reveal(supplier: String, offer: Money, nonce: String)
        case award(supplier: String, value: Money)
        case contract(supplier: String, value: Money)
        case amendment(description: String, value: Money?)
    }

    public var kind: Kind {
        switch body {
        case .tender: .tender
        case .bid: .bid
        case .reveal: .reveal
        case .award: .award
        case .contract: .contract
        case .amendment: .amendment
        }
    }

    /// The organisation that must sign: the buyer for its own events, the supplier for its bid and reveal.
    public var supplier: String? {
        switch body {
        case .bid(let s, _), .reveal(let s, _, _), .award(let s, _), .contract(let s, _): s
        case .tender, .amendment: nil
        }
    }

    public init(procurement: String, body: Body) {
        self.procurement = procurement
        self.body = body
    }
}

public struct Tender: Sendable, Equatable {
    public let buyer: String
    public let title: String
    /// Milliseconds since the Epoch; bids are sealed before it and opened after it.
    public let deadlineMs: Int64
    public let incentive: DisclosureIncentive
    public let value: Money?

    public init(buyer: String, title: String, deadlineMs: Int64, incentive: DisclosureIncentive, value: Money?) {
        self.buyer = buyer
        self.title = title
        self.deadlineMs = deadlineMs
        self.incentive = incentive
        self.value = value
    }
}

/// How a buyer moves bidders to disclose their beneficial owners, published with the tender.
public enum DisclosureIncentive: Sendable, Equatable {
    case none
    /// Only companies that disclose may bid; the ledger refuses the others' bids.
    case gating
    /// Disclosure adds these points to the evaluation.
    case outcome(points: Int)
    /// Disclosure earns this bonus.
    case compensation(bonus: Money)

    public var name: String {
        switch self {
        case .none: "none"
        case .gating: "gating"
        case .outcome: "outcome"
        case .compensation: "compensation"
        }
    }
}

/// An amount kept as its decimal text, so that it round-trips exactly.
public struct Money: Sendable, Equatable {
    public let amount: String
    public let currency: String

    public init?(amount: String, currency: String) {
        guard Self.isDecimal(amount), currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        self.amount = amount
        self.currency = currency
    }

    public var value: Double { Double(amount) ?? 0 }

    /// Digits, at most one point with digits on both sides; no sign, no exponent.
    static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), text.count <= 20 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
