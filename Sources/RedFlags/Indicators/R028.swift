/// R028, identical bid prices: different tenderers submitted bids with the same amount. The process and those
/// tenderers are flagged with 1.0. Left out where prices may not be compared.
public struct IdenticalBidPrices: Indicator {
    public static let code = "R028"

    public init(_ settings: Settings) {}

    public func read(_ release: JSONValue, ocid: String, context: ProcessContext, into results: inout Results) {
        guard let bids = context.comparableBids(Bid.all(in: release)) else { return }
        var flagged = Set<String>()
        for (_, same) in Dictionary(grouping: bids, by: { $0.amount! }) {
            let tenderers = Set(same.flatMap(\.tenderers))
            if tenderers.count > 1 { flagged.formUnion(tenderers) }
        }
        guard !flagged.isEmpty else { return }
        results.flag(.ocid, ocid, Self.code, 1.0)
        for tenderer in flagged.sorted() { results.flag(tenderer: tenderer, Self.code, 1.0, in: ocid) }
    }
}
