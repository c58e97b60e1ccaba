import Foundation

/// A mean with its sample size and a 95% confidence interval (Student's t), when there are enough values.
public struct MeanEstimate: Sendable, Equatable {
    public let n: Int
    public let mean: Double?
    /// Nil below two values: one value has no spread to estimate.
    public let low: Double?
    public let high: Double?

    public static let empty = MeanEstimate(n: 0, mean: nil, low: nil, high: nil)
}

public enum Statistics {
    public static func mean(_ values: [Double]) -> MeanEstimate {
        guard !values.isEmpty else { return .empty }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count >= 2 else { return MeanEstimate(n: 1, mean: mean, low: nil, high: nil) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = tQuantile(0.975, degreesOfFreedom: values.count - 1) * (variance / n).squareRoot()
        return MeanEstimate(n: values.count, mean: mean, low: mean - half, high: mean + half)
    }

    /// The p-quantile of Student's t, found by bisection on its distribution function.
    public static func tQuantile(_ p: Double, degreesOfFreedom df: Int) -> Double {
        precondition(p > 0 && p < 1 && df >= 1)
        if p < 0.5 { return -tQuantile(1 - p, degreesOfFreedom: df) }
        var (low, high) = (0.0, 1.0)
        while tCDF(high, df) < p { high *= 2 }
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if tCDF(middle, df) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(T ≤ t) for Student's t with `df` degrees of freedom, through the regularized incomplete beta function.
    public static func tCDF(_ t: Double, _ df: Int) -> Double {
        let v = Double(df)
        let tail = 0.5 * regularizedBeta(v / (v + t * t), v / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// I_x(a, b), by its continued fraction (modified Lentz), using the symmetry that keeps it convergent.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedBeta(1 - x, b, a) }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = abs(d) < tiny ? 1 / tiny : 1 / d
        var f = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d; d = abs(d) < tiny ? 1 / tiny : 1 / d
            c = 1 + even / c; c = abs(c) < tiny ? tiny : c
            f *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d; d = abs(d) < tiny ? 1 / tiny : 1 / d
            c = 1 + odd / c; c = abs(c) < tiny ? tiny : c
            let step = d * c
            f *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return front * f / a
    }
}
