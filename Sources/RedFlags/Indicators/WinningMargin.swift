/// How far the second-lowest valid bid is above the winning bid, `(second − winning) / winning`, for price-only
/// awards. A process is left out if an award is pending or invalid, if there is not exactly one active award with
/// one supplier, if the winner's bid is not the lowest valid bid, or if prices may not be compared. Joint bids (with
/// several tenderers) are left out of the comparison, as cardinal leaves them out, not the whole process.
struct WinningMargin {
    let ocid: String
    let difference: Double
    let winner: String
    let runnerUp: String

    init?(_ process: ContractingProcess) {
        guard let winner = process.soleWinner, let priced = process.comparableBids else { return nil }
        let valid = priced.filter { $0.isValid && $0.soleTenderer != nil }
        // The winner's lowest bid is the winning bid.
        guard let winning = valid.filter({ $0.tenderers == [winner] }).map({ $0.amount! }).min(), winning > 0,
              valid.allSatisfy({ $0.amount! >= winning }),
              let second = valid.filter({ $0.tenderers != [winner] }).min(by: { $0.amount! < $1.amount! }),
              let runnerUp = second.tenderers.first else { return nil }
        self.ocid = process.ocid
        self.difference = (second.amount! - winning) / winning
        self.winner = winner
        self.runnerUp = runnerUp
    }
}

/// Margins that are outliers on one side: at or below the lower fence Q1 − 1.5·IQR, or at or above the upper fence
/// Q3 + 1.5·IQR, of all margins, or beyond the configured `threshold` instead. The process gets its margin; the
/// winner (and for low margins the runner-up) 0.0.
struct MarginOutliers: Sendable {
    enum Side: Sendable { case low, high }

    let code: String
    let side: Side
    let threshold: Double?
    var margins: [WinningMargin] = []

    init(code: String, side: Side, _ settings: Settings) {
        self.code = code
        self.side = side
        threshold = settings.sections[code]?["threshold"].flatMap(Double.init)
    }

    mutating func read(_ process: ContractingProcess) {
        if let margin = WinningMargin(process) { margins.append(margin) }
    }

    mutating func merge(_ later: MarginOutliers) { margins += later.margins }

    func finish(_ results: inout Results) {
        let fence: Double
        if let threshold {
            fence = threshold
        } else {
            guard let quartiles = Quartiles(margins.map(\.difference)), !quartiles.isDegenerate else { return }
            fence = side == .low ? quartiles.lowerFence : quartiles.upperFence
            results.meta[code] = quartiles.meta(fenceName: side == .low ? "lower_fence" : "upper_fence", fence: fence)
        }
        for margin in margins where side == .low ? margin.difference <= fence : margin.difference >= fence {
            results.flag(.ocid, margin.ocid, code, margin.difference)
            results.flag(tenderer: margin.winner, code, 0.0, in: margin.ocid)
            if side == .low { results.flag(tenderer: margin.runnerUp, code, 0.0, in: margin.ocid) }
        }
    }
}

/// R024, price close to winning bid: the margin is a low outlier; the winner and the runner-up are flagged too.
public struct PriceCloseToWinningBid: Indicator {
    public static let code = "R024"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "0.05"]
    var outliers: MarginOutliers

    public init(_ settings: Settings) { outliers = MarginOutliers(code: Self.code, side: .low, settings) }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        outliers.read(process)
    }

    public mutating func merge(_ later: Self) { outliers.merge(later.outliers) }

    public mutating func finish(_ results: inout Results) { outliers.finish(&results) }
}

/// R058, heavily discounted bid: the margin is a high outlier; the winner is flagged too.
public struct HeavilyDiscountedBid: Indicator {
    public static let code = "R058"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "0.5"]
    var outliers: MarginOutliers

    public init(_ settings: Settings) { outliers = MarginOutliers(code: Self.code, side: .high, settings) }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        outliers.read(process)
    }

    public mutating func merge(_ later: Self) { outliers.merge(later.outliers) }

    public mutating func finish(_ results: inout Results) { outliers.finish(&results) }
}
