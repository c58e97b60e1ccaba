/// IX08, unit-price outliers: an awarded item's unit price (`/awards[]/items[]/unit/value/amount`, in the main
/// currency) is at or above the upper fence Q3 + 1.5·IQR of the unit prices of items with the same classification
/// (scheme and id), among classifications with at least `minimum_items` (5) prices. This benchmarks each purchase
/// against comparable ones. The process's output is its highest unit price divided by the classification's median.
public struct UnitPriceOutlier: Indicator {
    public static let code = "IX08"
    public static let settingKeys: [String: SettingKind] = ["minimum_items": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["minimum_items": "5"]

    struct Price: Sendable, Equatable {
        let ocid: String
        let amount: Double
    }

    let minimum: Int
    var prices = OrderedMap<[Price]>()
    /// The main currency, or else the first unit-price currency seen.
    var currency: String?

    public init(_ settings: Settings) {
        minimum = settings.integer("minimum_items", in: Self.code) ?? 5
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        for award in process.awards where award.status == "active" {
            for item in award.items {
                currency = currency ?? process.mainCurrency ?? item.unitCurrency
                guard let id = item.classificationID, let amount = item.unitAmount, amount > 0,
                      item.unitCurrency == (process.mainCurrency ?? currency) else { continue }
                let key = (item.classificationScheme ?? "") + "/" + id
                prices.update(key, default: []) { $0.append(Price(ocid: process.ocid, amount: amount)) }
            }
        }
    }

    public mutating func merge(_ later: Self) {
        prices.merge(later.prices) { $0 += $1 }
        currency = currency ?? later.currency
    }

    public mutating func finish(_ results: inout Results) {
        for (_, list) in prices.entries where list.count >= minimum {
            let amounts = list.map(\.amount)
            guard let quartiles = Quartiles(amounts), quartiles.iqr > 0 else { continue }
            let median = Quartiles.quantile(amounts.sorted(), 0.5)
            for price in list where price.amount >= quartiles.upperFence {
                let ratio = price.amount / median
                if ratio > (results.value(.ocid, price.ocid, Self.code) ?? 0) { results.flag(.ocid, price.ocid, Self.code, ratio) }
            }
        }
    }
}
