import ExchangeCore
import Fluent
import Foundation

/// A single-use, expiring permission to set a new password.
final class PasswordReset: Model, @unchecked Sendable {
    static let schema = "password_resets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_digest") var tokenDigest: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID, userID: UUID, tokenDigest: String, now: Date) {
        self.id = id
        self.$user.id = userID
        self.tokenDigest = tokenDigest
        self.expiresAt = now.addingTimeInterval(TokenLifetime.passwordReset)
        self.createdAt = now
    }

    func state(now: Date) -> TokenState { TokenState(expiresAt: expiresAt, usedAt: usedAt, now: now) }
}
