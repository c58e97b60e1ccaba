import Fluent
import SQLKit
import Foundation

/// Consecutive failed logins for one e-mail, keyed by a digest so the table holds no address; also the
/// installation's wrong report receipts per window (`ReceiptLockout`), under keys of their own.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(custom: "account_key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "last_failure_at") var lastFailureAt: Date

    init() {}

    init(accountKey: String, now: Date) {
        self.id = accountKey
        self.failures = 0
        self.lastFailureAt = now
    }
}

extension LoginFailure {
    /// Counts one more failure in a single statement, so simultaneous failures each count; returns the new count.
    static func count(_ accountKey: String, at now: Date, on db: Database) async throws -> Int {
        let row = try await db.sql.raw("""
            INSERT INTO login_failures (account_key, failures, last_failure_at) VALUES (\(bind: accountKey), 1, \(bind: now))
            ON CONFLICT (account_key) DO UPDATE
            SET failures = login_failures.failures + 1, last_failure_at = excluded.last_failure_at
            RETURNING failures
            """).first()
        return try row?.decode(column: "failures", as: Int.self) ?? 1
    }

    /// Locks until `until`, unless a longer lock already holds: concurrent failures may arrive in any order.
    static func lock(_ accountKey: String, until: Date, on db: Database) async throws {
        try await LoginFailure.query(on: db).filter(\.$id == accountKey)
            .group(.or) { $0.filter(\.$lockedUntil == nil).filter(\.$lockedUntil < until) }
            .set(\.$lockedUntil, to: until).update()
    }

    static func lockedUntil(_ accountKey: String, on db: Database) async throws -> Date? {
        try await LoginFailure.find(accountKey, on: db)?.lockedUntil
    }
}
