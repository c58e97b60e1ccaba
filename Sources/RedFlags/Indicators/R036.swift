/// R036, lowest bid disqualified: with an active award and a valid bid that has an amount, the lowest submitted
/// bid is disqualified (every bid at the lowest amount, when several tie). Left out where prices may not be
/// compared.
public struct LowestBidDisqualified: Indicator {
    public static let code = "R036"

    public init(_ settings: Settings) {}

    public func read(_ process: ContractingProcess, into results: inout Results) {
        guard process.awards.contains(where: { $0.status == "active" }),
              let bids = process.comparableBids, bids.contains(where: \.isValid),
              let lowest = bids.map({ $0.amount! }).min() else { return }
        if bids.filter({ $0.amount == lowest }).allSatisfy(\.isDisqualified) { results.flag(.ocid, process.ocid, Self.code, 1.0) }
    }
}
