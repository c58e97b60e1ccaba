/// R035, all except winning bid disqualified: one tenderer has valid bids, it alone supplies the active awards, and
/// at least `threshold` (1) other tenderers had bids disqualified. The process's output is that number of tenderers;
/// the winner is flagged too, with 0.0.
public struct AllExceptWinningBidDisqualified: ProcessIndicator {
    public static let code = "R035"
    public static let settingKeys: [String: SettingKind] = ["threshold": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "1"]
    let threshold: Int

    public init(_ settings: Settings) {
        threshold = settings.sections[Self.code]?["threshold"].flatMap { Int($0) } ?? 1
    }

    public func read(_ process: ContractingProcess, into results: inout Results) {
        let awards = process.awards
        guard !awards.contains(where: \.isUndecided) else { return }
        let bids = process.bids
        let validTenderers = Set(bids.filter(\.isValid).flatMap(\.tenderers))
        guard validTenderers.count == 1, Set(awards.filter { $0.status == "active" }.flatMap(\.suppliers)) == validTenderers else { return }
        let disqualified = Set(bids.filter(\.isDisqualified).flatMap(\.tenderers)).subtracting(validTenderers)
        guard disqualified.count >= threshold else { return }
        results.flag(.ocid, process.ocid, Self.code, Double(disqualified.count))
        for winner in validTenderers.sorted() { results.flag(tenderer: winner, Self.code, 0.0, in: process.ocid) }
    }
}
