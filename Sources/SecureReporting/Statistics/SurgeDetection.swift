import Foundation

/// A month whose count is improbably high against its own history, under a Poisson model whose rate is the mean of
/// the months before. Surges go to coordinators, never to the public.
public struct Surge: Equatable, Sendable {
    public let observed: Int
    public let expected: Double
    /// P(X ≥ observed) for X ~ Poisson(expected).
    public let pValue: Double
}

public enum SurgeDetection {
    /// How improbable a count must be to be a surge.
    public static let alpha = 0.001
    /// Months of history needed before anything is judged.
    public static let minimumHistory = 3
    /// Fewer reports than this are never a surge, however quiet the history.
    public static let minimumCount = 3
    /// A history of zeros still expects this much, so one report after a quiet year is no outbreak.
    public static let rateFloor = 0.5

    /// The surge in `current`, judged against `history` (oldest first), or nil.
    public static func surge(history: [Int], current: Int) -> Surge? {
        guard history.count >= minimumHistory, current >= minimumCount else { return nil }
        let expected = max(rateFloor, Double(history.reduce(0, +)) / Double(history.count))
        let p = poissonTail(atLeast: current, mean: expected)
        return p < alpha ? Surge(observed: current, expected: expected, pValue: p) : nil
    }

    /// P(X ≥ n) for X ~ Poisson(mean), as 1 − P(X ≤ n − 1), summed in log space so large means do not overflow.
    static func poissonTail(atLeast n: Int, mean: Double) -> Double {
        guard n > 0 else { return 1 }
        var below = 0.0
        for i in 0..<n {
            below += exp(Double(i) * log(mean) - mean - lgamma(Double(i + 1)))
        }
        return max(0, 1 - below)
    }
}
