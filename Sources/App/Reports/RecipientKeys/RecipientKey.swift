import Fluent
import Foundation
import SecureReporting

/// A recipient's key pair, stored as `RecipientKeyring` keeps it: the public key, and the private key sealed under
/// their password and under a recovery key that only the printout holds.
final class RecipientKey: Model, @unchecked Sendable {
    static let schema = "recipient_keys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "keyring") var keyring: RecipientKeyring
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userID: UUID, keyring: RecipientKeyring, now: Date) {
        (self.$user.id, self.keyring, self.createdAt) = (userID, keyring, now)
    }
}
