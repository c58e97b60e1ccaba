import Foundation

/// Backoff after failed logins for one account: free attempts, then a lock that doubles up to a ceiling.
public struct LoginThrottle: Sendable {
    public var freeAttempts: Int
    public var baseLock: TimeInterval
    public var maximumLock: TimeInterval

    public init(freeAttempts: Int = 5, baseLock: TimeInterval = 60, maximumLock: TimeInterval = 15 * 60) {
        self.freeAttempts = freeAttempts
        self.baseLock = baseLock
        self.maximumLock = maximumLock
    }

    /// How long the account stays locked after `failures` consecutive failures, or nil if not locked.
    public func lockDuration(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= freeAttempts else { return nil }
        let doublings = min(failures - freeAttempts, 20)
        return min(baseLock * pow(2, Double(doublings)), maximumLock)
    }
}
