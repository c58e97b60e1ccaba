import Fluent
import Foundation

/// Wrong receipts, counted for the whole installation in windows of ten minutes. A receipt names no person, and no
/// address is kept, so nothing narrower can be counted. Past `limit` wrong receipts in a window, coming back is
/// refused (429) until the window ends, before any stretching; the lock is audited once per window. The counts live in
/// `login_failures` under keys of their own, so every instance shares them.
struct ReceiptLockout: Sendable {
    static let window: TimeInterval = 600
    let db: Database
    let audit: AuditLogService
    let limit: Int

    static func key(_ now: Date) -> String { "report-receipts/\(Int(now.timeIntervalSince1970 / window))" }

    /// Refuses while the current window holds `limit` wrong receipts.
    func check(now: Date) async throws {
        if let failures = try await LoginFailure.find(Self.key(now), on: db)?.failures, failures >= limit { throw AppError.tooManyAttempts }
    }

    /// Counts one wrong receipt, in one statement so simultaneous ones all count; the one that reaches the limit
    /// records the lock.
    func fail(now: Date) async throws {
        let key = Self.key(now)
        let failures = try await LoginFailure.count(key, at: now, on: db)
        if failures == 1 {
            // A new window: the old ones are of no more use.
            try await LoginFailure.query(on: db).filter(\.$id =~ "report-receipts/").filter(\.$id != key).delete()
        }
        guard failures == limit else { return }
        try await audit.transaction(on: db, actor: .anonymous) { scope in
            try await scope.record(.reportReceiptLockout, .reportingFollowUp, changes: ["failures": String(failures), "seconds": String(Int(Self.window))])
        }
    }
}
