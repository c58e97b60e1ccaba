import Foundation

/// Quartiles and Tukey's fences over a set of values. Quantiles interpolate between order statistics by Hyndman and
/// Fan's type 8 (median-unbiased), which reproduces the fences of cardinal's documented examples.
public struct Quartiles: Sendable, Equatable {
    public let q1: Double
    public let q3: Double

    public var iqr: Double { q3 - q1 }
    public var lowerFence: Double { q1 - 1.5 * iqr }
    public var upperFence: Double { q3 + 1.5 * iqr }
    /// All zero: fences would flag most cases, so cardinal skips the indicator.
    public var isDegenerate: Bool { q1 == 0 && q3 == 0 }

    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        q1 = Self.quantile(sorted, 0.25)
        q3 = Self.quantile(sorted, 0.75)
    }

    /// Type 8: position h = (n + 1/3)p + 1/3 (1-based), clamped to the data.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let n = Double(sorted.count)
        let h = (n + 1.0 / 3.0) * p + 1.0 / 3.0
        if h <= 1 { return sorted[0] }
        if h >= n { return sorted[sorted.count - 1] }
        let lower = Int(h.rounded(.down))
        return sorted[lower - 1] + (h - Double(lower)) * (sorted[lower] - sorted[lower - 1])
    }

    /// Meta values, rounded to 4 decimals as cardinal writes them.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    func meta(fenceName: String, fence: Double) -> OrderedMap<Double> {
        var map = OrderedMap<Double>()
        map["q1"] = Self.rounded(q1)
        map["q3"] = Self.rounded(q3)
        map[fenceName] = Self.rounded(fence)
        return map
    }
}
