import Fluent
import Foundation

/// A browser session. Rows expire with their cookie, so visitors who never come back leave nothing behind.
final class StoredSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    /// The session's key-value data as JSON.
    @Field(key: "data") var data: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(id: String, data: String, expiresAt: Date) {
        self.id = id
        self.data = data
        self.expiresAt = expiresAt
    }
}
