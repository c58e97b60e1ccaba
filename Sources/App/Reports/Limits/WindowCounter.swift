import Fluent
import Foundation

/// A count shared by every instance for windows of ten minutes, kept in `login_failures` under `prefix`. Reporting
/// keeps no address and no account, so counting the installation (or one subject) per window is all it can limit.
struct WindowCounter: Sendable {
    static let window: TimeInterval = 600
    let db: Database
    /// Keys begin with it; a new window deletes the old windows' keys under it.
    let prefix: String

    func key(_ now: Date) -> String { "\(prefix)/\(Int(now.timeIntervalSince1970 / Self.window))" }

    /// The count of the current window.
    func current(now: Date) async throws -> Int {
        try await LoginFailure.find(key(now), on: db)?.failures ?? 0
    }

    /// Counts one more in a single statement, so simultaneous calls all count; returns the window's new count.
    func add(now: Date) async throws -> Int {
        let key = key(now)
        let count = try await LoginFailure.count(key, at: now, on: db)
        if count == 1 {
            // A new window: the old ones are of no more use.
            try await LoginFailure.query(on: db).filter(\.$id =~ "\(prefix)/").filter(\.$id != key).delete()
        }
        return count
    }
}
