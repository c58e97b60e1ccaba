import Fluent
import Foundation

/// An API client's `Idempotency-Key`, or a page form's one-time `_once` field, and the first response given for it,
/// kept 24 hours so a retry or a second click replays that response instead of acting again.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"
    static let lifetime: TimeInterval = 24 * 3600

    @ID(key: .id) var id: UUID?
    /// Whose key it is (`user:<id>` or `anonymous`): two clients may choose the same key.
    @Field(key: "owner") var owner: String
    @Field(key: "key") var key: String
    /// SHA-256 of the method, path and body: the same key with another request is refused.
    @Field(key: "request_digest") var requestDigest: String
    /// Nil while the first request is still running.
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "content_type") var contentType: String?
    /// Where a form's redirect led, so a second click lands on the same page.
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "body") var body: Data?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(owner: String, key: String, requestDigest: String, now: Date) {
        id = UUID()
        self.owner = owner
        self.key = key
        self.requestDigest = requestDigest
        createdAt = now
    }
}
