import Fluent
import Foundation

/// Consecutive failed logins for one e-mail, keyed by a digest so the table holds no address.
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
