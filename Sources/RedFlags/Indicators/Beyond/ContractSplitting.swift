/// IX01, contract splitting: one buyer awards one supplier several contracts for the same classification within
/// `window_days` (30); each is under `threshold` (100000, in the main currency) but together they reach it. Every
/// process in such a cluster is flagged with the cluster's size; the buyer and the supplier with the number of
/// their clusters. The classification is the first `digits` (4) characters of the award's first item.
public struct ContractSplitting: Indicator {
    public static let code = "IX01"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal, "window_days": .integer, "digits": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "100000", "window_days": "30", "digits": "4"]

    struct Award: Sendable, Equatable {
        let ocid: String
        let day: Int
        let amount: Double
    }

    let threshold: Double
    let window: Int
    let digits: Int
    /// Awards under the threshold of one buyer to one supplier for one classification.
    struct Series: Sendable, Equatable {
        let buyer: String
        let supplier: String
        var awards: [Award] = []
    }

    var series = OrderedMap<Series>()
    /// The main currency, or else the first award currency seen, so amounts are only summed in one currency.
    var currency: String?

    public init(_ settings: Settings) {
        threshold = settings.decimal("threshold", in: Self.code) ?? 100_000
        window = settings.integer("window_days", in: Self.code) ?? 30
        digits = settings.integer("digits", in: Self.code) ?? 4
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        guard let buyer = process.release.buyer else { return }
        for award in process.awards where award.status == "active" && award.suppliers.count == 1 {
            currency = currency ?? process.mainCurrency ?? award.currency
            guard let amount = award.amount, amount < threshold, award.currency == (process.mainCurrency ?? currency),
                  let day = award.date?.seconds.map({ Int(($0 / 86_400).rounded(.down)) }),
                  let classification = award.items.first?.classificationID
            else { continue }
            let key = "\(buyer)\u{1F}\(award.suppliers[0])\u{1F}\(classification.prefix(digits))"
            series.update(key, default: Series(buyer: buyer, supplier: award.suppliers[0])) {
                $0.awards.append(Award(ocid: process.ocid, day: day, amount: amount))
            }
        }
    }

    public mutating func merge(_ later: Self) {
        series.merge(later.series) { $0.awards += $1.awards }
        currency = currency ?? later.currency
    }

    public mutating func finish(_ results: inout Results) {
        for (_, series) in series.entries where series.awards.count > 1 {
            let clusters = Self.clusters(series.awards.sorted { $0.day < $1.day }, window: window, threshold: threshold)
            guard !clusters.isEmpty else { continue }
            for cluster in clusters {
                for award in cluster { results.flag(.ocid, award.ocid, Self.code, Double(cluster.count)) }
            }
            results.flag(.buyer, series.buyer, Self.code, (results.value(.buyer, series.buyer, Self.code) ?? 0) + Double(clusters.count))
            results.flag(.tenderer, series.supplier, Self.code, (results.value(.tenderer, series.supplier, Self.code) ?? 0) + Double(clusters.count))
        }
    }

    /// Maximal runs of awards within the window whose total reaches the threshold; a run starts at each award not
    /// already in one.
    static func clusters(_ sorted: [Award], window: Int, threshold: Double) -> [[Award]] {
        var found: [[Award]] = []
        var start = 0
        while start < sorted.count {
            var end = start
            var total = 0.0
            while end < sorted.count, sorted[end].day - sorted[start].day <= window {
                total += sorted[end].amount
                end += 1
            }
            if end - start > 1, total >= threshold {
                found.append(Array(sorted[start..<end]))
                start = end
            } else {
                start += 1
            }
        }
        return found
    }
}
