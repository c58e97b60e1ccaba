/// R025, excessive unsuccessful bids: a *top* tenderer (its number of valid bids is at or above the `percentile`,
/// 75 by default, of all tenderers' numbers) whose ratio of winning to valid bids is at or below the lower fence
/// Q1 − 1.5·IQR of all ratios (or `threshold`). Its output is that ratio, in the `Tenderer` group. Processes with a
/// pending or invalid award, several active awards, a bid with several tenderers or an award with several suppliers
/// are left out.
public struct ExcessiveUnsuccessfulBids: Indicator {
    public static let code = "R025"
    public static let settingKeys: [String: SettingKind] = ["percentile": .integer, "threshold": .decimal]
    public static let settingExamples: KeyValuePairs<String, String> = ["percentile": "75", "threshold": "0.05"]
    let percentile: Double
    let threshold: Double?
    var valid = OrderedMap<Int>()
    var won: [String: Int] = [:]

    public init(_ settings: Settings) {
        percentile = settings.sections[Self.code]?["percentile"].flatMap(Double.init) ?? 75
        threshold = settings.sections[Self.code]?["threshold"].flatMap(Double.init)
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        let awards = process.awards
        guard !awards.contains(where: { $0.isUndecided || $0.suppliers.count > 1 }) else { return }
        let active = awards.filter { $0.status == "active" }
        guard active.count <= 1 else { return }
        let bids = process.bids
        guard !bids.contains(where: { $0.tenderers.count > 1 }) else { return }
        let winner = active.first?.suppliers.first
        for bid in bids where bid.isValid {
            guard let tenderer = bid.tenderers.first else { continue }
            valid[tenderer] = (valid[tenderer] ?? 0) + 1
            if tenderer == winner { won[tenderer, default: 0] += 1 }
        }
    }

    public mutating func finish(_ results: inout Results) {
        let counts = valid.entries
        guard !counts.isEmpty else { return }
        let top = Quartiles.quantile(counts.map { Double($0.1) }.sorted(), percentile / 100)
        let ratios = counts.map { ($0.0, Double(won[$0.0] ?? 0) / Double($0.1)) }
        let fence: Double
        if let threshold {
            fence = threshold
        } else {
            guard let quartiles = Quartiles(ratios.map(\.1)), !quartiles.isDegenerate else { return }
            fence = quartiles.lowerFence
            results.meta[Self.code] = quartiles.meta(fenceName: "lower_fence", fence: fence)
        }
        for ((tenderer, count), (_, ratio)) in zip(counts, ratios) where Double(count) >= top && ratio <= fence {
            results.flag(.tenderer, tenderer, Self.code, ratio)
        }
    }
}
