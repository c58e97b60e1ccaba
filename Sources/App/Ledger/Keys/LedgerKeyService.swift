import AuditLog
import Crypto
import ExchangeCore
import Fluent
import Foundation

/// Organisations' signing keys: registered by the organisation's people or staff, revoked the same way. A key id is
/// unique, so the same key registered twice (or by two requests at once) is stored once.
struct LedgerKeyService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    /// `publicKey` is the raw 32-byte Ed25519 key in base64.
    func register(publicKey text: String, organisation: UUID, actor: AuditActor, userID: UUID?) async throws -> LedgerKeyRecord {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw AppError.validation([FieldError("publicKey", .invalidIdentifier)])
        }
        let keyID = key.keyID
        return try await audit.transaction(on: db, actor: actor) { scope in
            guard try await Organisation.find(organisation, on: scope.db) != nil else { throw AppError.notFound }
            guard try await LedgerKeyRecord.query(on: scope.db).filter(\.$keyID == keyID).first() == nil else {
                throw AppError.conflict(code: "ledger_key_registered")
            }
            let record = LedgerKeyRecord()
            record.id = UUID()
            record.$organisation.id = organisation
            record.keyID = keyID
            record.publicKey = raw.base64EncodedString()
            record.registeredBy = userID
            record.registeredAt = clock.now()
            try await record.create(on: scope.db)
            try await scope.record(.ledgerKeyRegister, .ledgerKey(keyID), changes: ["organisation": organisation.lowercased])
            return record
        }
    }

    /// Entries signed before the revocation stay valid; the key signs nothing after it.
    func revoke(keyID: String, organisation: UUID, actor: AuditActor) async throws -> LedgerKeyRecord {
        try await audit.transaction(on: db, actor: actor) { scope in
            try await LedgerLog.lockAcrossProcesses(scope.db)
            guard let record = try await LedgerKeyRecord.query(on: scope.db).filter(\.$keyID == keyID)
                .filter(\.$organisation.$id == organisation).first() else { throw AppError.notFound }
            guard record.revokedAt == nil else { throw AppError.conflict(code: "ledger_key_revoked") }
            record.revokedAt = clock.now()
            try await record.save(on: scope.db)
            try await scope.record(.ledgerKeyRevoke, .ledgerKey(keyID), changes: ["organisation": organisation.lowercased])
            return record
        }
    }

    func all() async throws -> [LedgerKeyRecord] {
        try await LedgerKeyRecord.query(on: db).sort(\.$registeredAt).all()
    }

    func keys(of organisation: UUID) async throws -> [LedgerKeyRecord] {
        try await LedgerKeyRecord.query(on: db).filter(\.$organisation.$id == organisation).sort(\.$registeredAt).all()
    }
}
