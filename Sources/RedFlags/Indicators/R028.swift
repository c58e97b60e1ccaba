/// R028, identical bid prices: two submitted bids have the same amount and currency but different tenderers. The
/// process and those tenderers are flagged with 1.0. Left out where the buyer predetermines prices.
public struct IdenticalBidPrices: ProcessIndicator {
    public static let code = "R028"

    public init(_ settings: Settings) {}

    public func read(_ process: ContractingProcess, into results: inout Results) {
        guard process.comparesPrices else { return }
        // Bids per process are few, so a list beats hashing; each price remembers the last tenderers seen at it.
        var prices: [(amount: Double, currency: String, tenderers: [String])] = []
        var flagged = Set<String>()
        for bid in process.bids where bid.isSubmitted && !bid.tenderers.isEmpty {
            guard let amount = bid.amount, let currency = bid.currency else { continue }
            let tenderers = bid.tenderers.count == 1 ? bid.tenderers : Array(Set(bid.tenderers)).sorted()
            if let index = prices.firstIndex(where: { $0.amount == amount && $0.currency == currency }) {
                if prices[index].tenderers != tenderers { flagged.formUnion(tenderers + prices[index].tenderers) }
                prices[index].tenderers = tenderers
            } else {
                prices.append((amount, currency, tenderers))
            }
        }
        guard !flagged.isEmpty else { return }
        results.flag(.ocid, process.ocid, Self.code, 1.0)
        for tenderer in flagged.sorted() { results.flag(tenderer: tenderer, Self.code, 1.0, in: process.ocid) }
    }
}
