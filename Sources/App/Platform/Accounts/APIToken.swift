import Fluent
import Foundation

/// A personal token for /api/v1. Only its digest is stored; it acts with its owner's role.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    static let prefix = "ixp_"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_digest") var tokenDigest: String
    /// The first characters, so a person can tell their tokens apart.
    @Field(key: "hint") var hint: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(id: UUID, userID: UUID, name: String, secret: SecretToken, now: Date) {
        self.id = id
        self.$user.id = userID
        self.name = name
        self.tokenDigest = secret.digest
        self.hint = String(secret.plaintext.prefix(Self.prefix.count + 6))
        self.createdAt = now
    }
}
