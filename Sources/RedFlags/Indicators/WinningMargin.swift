/// How far the second-lowest valid bid is above the winning bid, `(second − winning) / winning`, for price-only
/// awards. A process is left out if an award is pending or invalid, if there is not exactly one active award with
/// one supplier, if a bid has several tenderers, if the winner's bid is not the lowest valid bid, or if prices may
/// not be compared.
struct WinningMargin {
    let ocid: String
    let difference: Double
    let winner: String
    let runnerUp: String

    init?(_ release: JSONValue, ocid: String, context: ProcessContext) {
        let awards = Award.all(in: release)
        guard !awards.contains(where: { $0.status == "pending" || $0.status == "invalid" }) else { return nil }
        let active = awards.filter { $0.status == "active" }
        guard active.count == 1, active[0].suppliers.count == 1 else { return nil }
        let bids = Bid.all(in: release)
        guard !bids.contains(where: { $0.tenderers.count > 1 }),
              let priced = context.comparableBids(bids) else { return nil }
        let valid = priced.filter(\.isValid)
        let winner = active[0].suppliers[0]
        // The winner's lowest bid is the winning bid.
        guard let winning = valid.filter({ $0.tenderers == [winner] }).map({ $0.amount! }).min(), winning > 0,
              valid.allSatisfy({ $0.amount! >= winning }),
              let second = valid.filter({ $0.tenderers != [winner] }).min(by: { $0.amount! < $1.amount! }),
              let runnerUp = second.tenderers.first else { return nil }
        self.ocid = ocid
        self.difference = (second.amount! - winning) / winning
        self.winner = winner
        self.runnerUp = runnerUp
    }
}

/// R024, price close to winning bid: the margin is at or below the lower fence Q1 − 1.5·IQR of all margins (or the
/// configured `threshold`). The process gets its margin; the winner and the runner-up, 0.0.
public struct PriceCloseToWinningBid: Indicator {
    public static let code = "R024"
    let threshold: Double?
    var margins: [WinningMargin] = []

    public init(_ settings: Settings) {
        threshold = settings.sections[Self.code]?["threshold"].flatMap(Double.init)
    }

    public mutating func read(_ release: JSONValue, ocid: String, context: ProcessContext, into results: inout Results) {
        if let margin = WinningMargin(release, ocid: ocid, context: context) { margins.append(margin) }
    }

    public mutating func finish(_ results: inout Results) {
        let fence: Double
        if let threshold {
            fence = threshold
        } else {
            guard let quartiles = Quartiles(margins.map(\.difference)), !quartiles.isDegenerate else { return }
            fence = quartiles.lowerFence
            results.meta[Self.code] = quartiles.meta(fenceName: "lower_fence", fence: fence)
        }
        for margin in margins where margin.difference <= fence {
            results.flag(.ocid, margin.ocid, Self.code, margin.difference)
            results.flag(.tenderer, margin.winner, Self.code, 0.0)
            results.flag(.tenderer, margin.runnerUp, Self.code, 0.0)
        }
    }
}

/// R058, heavily discounted bid: the margin is at or above the upper fence Q3 + 1.5·IQR (or `threshold`). The
/// process gets its margin; the winner, 0.0.
public struct HeavilyDiscountedBid: Indicator {
    public static let code = "R058"
    let threshold: Double?
    var margins: [WinningMargin] = []

    public init(_ settings: Settings) {
        threshold = settings.sections[Self.code]?["threshold"].flatMap(Double.init)
    }

    public mutating func read(_ release: JSONValue, ocid: String, context: ProcessContext, into results: inout Results) {
        if let margin = WinningMargin(release, ocid: ocid, context: context) { margins.append(margin) }
    }

    public mutating func finish(_ results: inout Results) {
        let fence: Double
        if let threshold {
            fence = threshold
        } else {
            guard let quartiles = Quartiles(margins.map(\.difference)), !quartiles.isDegenerate else { return }
            fence = quartiles.upperFence
            results.meta[Self.code] = quartiles.meta(fenceName: "upper_fence", fence: fence)
        }
        for margin in margins where margin.difference >= fence {
            results.flag(.ocid, margin.ocid, Self.code, margin.difference)
            results.flag(.tenderer, margin.winner, Self.code, 0.0)
        }
    }
}
