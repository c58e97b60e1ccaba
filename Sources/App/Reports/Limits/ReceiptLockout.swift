import Fluent
import Foundation

/// Wrong receipts, counted for the whole installation (`WindowCounter`). Past `limit` wrong receipts in a window,
/// coming back is refused (429) until the window ends, before any stretching; the lock is audited once per window.
struct ReceiptLockout: Sendable {
    let db: Database
    let audit: AuditLogService
    let limit: Int

    private var counter: WindowCounter { WindowCounter(db: db, prefix: "report-receipts") }

    /// Refuses while the current window holds `limit` wrong receipts.
    func check(now: Date) async throws {
        if try await counter.current(now: now) >= limit { throw AppError.tooManyAttempts }
    }

    /// Counts one wrong receipt; the one that reaches the limit records the lock.
    func fail(now: Date) async throws {
        let failures = try await counter.add(now: now)
        guard failures == limit else { return }
        try await audit.transaction(on: db, actor: .anonymous) { scope in
            try await scope.record(.reportReceiptLockout, .reportingFollowUp, changes: ["failures": String(failures), "seconds": String(Int(WindowCounter.window))])
        }
    }
}
