/// What the ledger holds about one procurement, folded from its accepted events in order.
public struct ProcurementTimeline: Sendable, Equatable {
    public struct Award: Sendable, Equatable {
        public let supplier: String
        public let value: Money
    }

    public private(set) var tender: Tender?
    public private(set) var commitments: [String: BidCommitment] = [:]
    public private(set) var offers: [String: Money] = [:]
    public private(set) var award: Award?
    public private(set) var contract: Award?
    public private(set) var amendments = 0

    public init() {}

    public init(_ events: [LedgerEvent]) {
        for event in events { apply(event) }
    }

    public mutating func apply(_ event: LedgerEvent) {
        switch event.body {
        case .tender(let t): tender = t
        case .bid(let supplier, let commitment): commitments[supplier] = commitment
        case .reveal(let supplier, let offer, _): offers[supplier] = offer
        case .award(let supplier, let value): award = Award(supplier: supplier, value: value)
        case .contract(let supplier, let value): contract = Award(supplier: supplier, value: value)
        case .amendment: amendments += 1
        }
    }
}
