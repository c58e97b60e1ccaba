import FastJSON

/// A share as a closed range of fractions of the whole (0…1). An exact share is a range of width zero; a share
/// nobody stated is the whole range.
public struct ShareRange: Sendable, Hashable, Codable {
    public let minimum: Double
    public let maximum: Double

    public init(minimum: Double, maximum: Double) {
        self.minimum = Swift.min(Swift.max(minimum, 0), 1)
        self.maximum = Swift.min(Swift.max(maximum, self.minimum), 1)
    }

    /// Sums along the way may pass the whole; only what is shown is clamped (`clamped`), so that the order of
    /// summing never changes a result.
    private init(summed minimum: Double, maximum: Double) {
        self.minimum = minimum
        self.maximum = maximum
    }

    public var clamped: ShareRange { ShareRange(minimum: minimum, maximum: maximum) }

    public init(exactly share: Double) {
        self.init(minimum: share, maximum: share)
    }

    /// From a BODS `share` object in percent: `exact`, or the bounds given (`minimum` or `exclusiveMinimum`, and
    /// `maximum` or `exclusiveMaximum`); nil when it states none of them.
    public init?(bods share: JSONValue) {
        if let exact = share["exact"]?.number {
            self.init(exactly: exact / 100)
            return
        }
        let low = share["minimum"]?.number ?? share["exclusiveMinimum"]?.number
        let high = share["maximum"]?.number ?? share["exclusiveMaximum"]?.number
        guard low != nil || high != nil else { return nil }
        self.init(minimum: (low ?? 0) / 100, maximum: (high ?? 100) / 100)
    }

    public static let zero = ShareRange(exactly: 0)
    public static let whole = ShareRange(exactly: 1)
    public static let unknown = ShareRange(minimum: 0, maximum: 1)

    public var isExact: Bool { minimum == maximum }

    /// Along a chain: a share of a share.
    public func of(_ other: ShareRange) -> ShareRange {
        ShareRange(summed: minimum * other.minimum, maximum: maximum * other.maximum)
    }

    /// Over parallel paths.
    public func adding(_ other: ShareRange) -> ShareRange {
        ShareRange(summed: minimum + other.minimum, maximum: maximum + other.maximum)
    }

    /// Within `tolerance` at both ends, for sums reached in another order.
    public func isClose(to other: ShareRange, tolerance: Double = 1e-9) -> Bool {
        abs(minimum - other.minimum) <= tolerance && abs(maximum - other.maximum) <= tolerance
    }
}
