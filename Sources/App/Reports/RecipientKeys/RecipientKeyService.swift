import Crypto
import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import Vapor

/// Recipients' key pairs: made once per person, sealed under their sign-in password and a recovery key printed once.
struct RecipientKeyService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let hasher: AsyncPasswordHasher
    let cost: StretchCost
    let stretcher: KeyStretcher

    /// Makes `user`'s key pair after checking their password; returns the recovery key, which nobody can see again.
    /// A person has one key pair: a second try answers 409 and changes nothing.
    func create(for user: User, password: String) async throws -> RecoveryKey {
        guard try await hasher.verify(password, created: user.passwordHash) else { throw AppError.validation([FieldError("password", .invalidChoice)]) }
        return try await make(for: user, password: password)
    }

    /// Makes the key pair under a password already known to be the person's: `create` after its check, or the demo,
    /// which set that password itself a moment before.
    func make(for user: User, password: String) async throws -> RecoveryKey {
        let userID = try user.requireID()
        let (keyring, recovery) = try await stretcher.run { try RecipientKeyring.create(readerID: Self.readerID(userID), password: password, cost: cost) }
        try await audit.transaction(on: db, actor: .user(userID)) { scope in
            // The unique user id decides between two simultaneous requests; the loser is told the key exists.
            guard try await RecipientKey.query(on: scope.db).filter(\.$user.$id == userID).first() == nil else {
                throw AppError.conflict(code: "recipient_key_exists")
            }
            try await RecipientKey(userID: userID, keyring: keyring, now: clock.now()).create(on: scope.db)
            try await scope.record(.recipientKeyCreate, .user(userID))
        }
        return recovery
    }

    /// The person's private key, for the length of one request; a wrong password gives nothing.
    func unlock(for user: User, password: String) async throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let stored = try await RecipientKey.query(on: db).filter(\.$user.$id == user.requireID()).first() else { throw AppError.notFound }
        do {
            let raw = try await stretcher.run { try stored.keyring.unlock(password: password).rawRepresentation }
            return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw AppError.validation([FieldError("password", .invalidChoice)])
        }
    }

    /// Unlocks `user`'s key for an API client: the seal is kept for the hour, the half returned is the client's
    /// `X-Reader-Key`. It replaces any key handed out before, in the same transaction: a person holds at most one.
    func unlockForAPI(for user: User, password: String) async throws -> (header: String, expiresAt: Date) {
        let key: Curve25519.KeyAgreement.PrivateKey
        do {
            key = try await unlock(for: user, password: password)
        } catch AppError.notFound {
            throw AppError.forbiddenUntil(code: "reader_key_missing")
        }
        let userID = try user.requireID(), now = clock.now()
        let (record, header) = try APIReaderKey.make(key, for: userID, now: now)
        try await audit.transaction(on: db, actor: .user(userID)) { scope in
            try await APIReaderKey.query(on: scope.db).filter(\.$user.$id == userID).delete()
            try await record.create(on: scope.db)
            try await scope.record(.recipientKeyUnlock, .user(userID), changes: ["expires_at": ISO8601DateFormatter().string(from: record.expiresAt)])
        }
        return (header, record.expiresAt)
    }

    /// A recipient reads as their user id.
    static func readerID(_ userID: UUID) -> String { userID.uuidString.lowercased() }
}
