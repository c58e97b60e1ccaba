import Foundation

/// IX07, Benford's law: the first digits of a buyer's award amounts (active awards, amounts of at least 10) deviate
/// from Benford's distribution. The deviation is the mean absolute deviation (MAD) over digits 1–9; Nigrini's
/// first-digit thresholds read it as close conformity (≤ 0.006), acceptable (≤ 0.012), marginal (≤ 0.015) or
/// nonconformity (above). Buyers with at least `minimum_amounts` (100) amounts whose MAD exceeds `threshold`
/// (0.015) are flagged with their MAD.
public struct BenfordDeviation: Indicator {
    public static let code = "IX07"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal, "minimum_amounts": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "0.015", "minimum_amounts": "100"]
    /// log10(1 + 1/d) for d = 1…9.
    static let expected: [Double] = (1...9).map { log10(1 + 1 / Double($0)) }

    let threshold: Double
    let minimum: Int
    var counts = OrderedMap<[Int]>()

    public init(_ settings: Settings) {
        threshold = settings.decimal("threshold", in: Self.code) ?? 0.015
        minimum = settings.integer("minimum_amounts", in: Self.code) ?? 100
    }

    static func firstDigit(_ amount: Double) -> Int? {
        guard amount >= 10, amount.isFinite else { return nil }
        var value = amount
        while value >= 10 { value /= 10 }
        return Int(value)
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        guard let buyer = process.release.buyer else { return }
        let digits = process.awards.compactMap { $0.status == "active" ? $0.amount.flatMap(Self.firstDigit) : nil }
        guard !digits.isEmpty else { return }
        counts.update(buyer, default: Array(repeating: 0, count: 9)) { counts in
            for digit in digits { counts[digit - 1] += 1 }
        }
    }

    public mutating func merge(_ later: Self) {
        counts.merge(later.counts) { counts, more in
            for index in counts.indices { counts[index] += more[index] }
        }
    }

    /// Mean absolute deviation of observed first-digit proportions from Benford's.
    static func mad(_ counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        return zip(counts, expected).map { abs(Double($0) / total - $1) }.reduce(0, +) / 9
    }

    public mutating func finish(_ results: inout Results) {
        for (buyer, digits) in counts.entries where digits.reduce(0, +) >= minimum {
            let deviation = Self.mad(digits)
            if deviation > threshold { results.flag(.buyer, buyer, Self.code, deviation) }
        }
    }
}
