/// R036, lowest bid disqualified: with an active award and a valid bid that has an amount, the lowest submitted
/// bid is disqualified. Where several bids share the lowest amount, the first listed is the lowest, as in cardinal,
/// so a disqualified bid listed before a valid bid of the same amount flags the process. Left out where prices may
/// not be compared.
public struct LowestBidDisqualified: ProcessIndicator {
    public static let code = "R036"

    public init(_ settings: Settings) {}

    public func read(_ process: ContractingProcess, into results: inout Results) {
        guard process.awards.contains(where: { $0.status == "active" }),
              let bids = process.comparableBids, bids.contains(where: \.isValid),
              // `min(by:)` keeps the first of equal elements.
              let lowest = bids.min(by: { $0.amount! < $1.amount! }), lowest.isDisqualified else { return }
        results.flag(.ocid, process.ocid, Self.code, 1.0)
    }
}
