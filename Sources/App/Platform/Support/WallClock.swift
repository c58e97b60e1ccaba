import Foundation
import Vapor

/// The source of "now". Tests install a fixed clock so ids, timestamps and expiries are reproducible.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public static let system = WallClock { Date() }

    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }

    public func now() -> Date { read() }

    public func milliseconds() -> Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded(.down)) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = WallClock }

    public var clock: WallClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}
