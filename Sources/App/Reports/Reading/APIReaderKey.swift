import Crypto
import ExchangeCore
import Fluent
import Foundation
import Vapor

/// An API client's unlocked reading key, kept as the pages keep theirs: the private key sealed under a random half
/// that only the client holds (`X-Reader-Key`, with the row's id), the seal here. Neither opens it alone, it is
/// bound to the person who unlocked it, and it expires within the hour.
final class APIReaderKey: Model, @unchecked Sendable {
    static let schema = "api_reader_keys"
    static let header = "X-Reader-Key"
    static let lifetime: TimeInterval = 3600
    private static let purpose = Data("integrity-exchange/api-reader-key/v1".utf8)

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "sealed") var sealed: Data
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    /// A new seal for `privateKey`, and the client's half of it as the header's value: the row's id, then the half.
    static func make(_ privateKey: Curve25519.KeyAgreement.PrivateKey, for userID: UUID, now: Date) throws -> (record: APIReaderKey, header: String) {
        let half = SymmetricKey(size: .bits256), id = UUID()
        let record = APIReaderKey()
        (record.id, record.$user.id, record.expiresAt) = (id, userID, now.addingTimeInterval(lifetime))
        record.sealed = try ChaChaPoly.seal(privateKey.rawRepresentation, using: half, authenticating: purpose).combined
        let handle = withUnsafeBytes(of: id.uuid) { Data($0) } + half.withUnsafeBytes { Data($0) }
        return (record, handle.base64URLEncoded())
    }

    /// The key a request's header opens for `userID`, or nil: no header, another person's, expired, or forged.
    static func open(_ header: String?, for userID: UUID, now: Date, on db: Database) async throws -> Curve25519.KeyAgreement.PrivateKey? {
        guard let handle = header.flatMap({ Data(base64URLEncoded: $0) }), handle.count == 48 else { return nil }
        let id = handle.prefix(16).withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        guard let record = try await query(on: db).filter(\.$id == id).filter(\.$user.$id == userID).filter(\.$expiresAt > now).first(),
              let box = try? ChaChaPoly.SealedBox(combined: record.sealed),
              let raw = try? ChaChaPoly.open(box, using: SymmetricKey(data: handle.suffix(32)), authenticating: purpose) else { return nil }
        return try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
    }
}

extension Request {
    /// The reading key the API client sent, opened; 403 `reader_key_required` without a valid one.
    func apiReaderKey() async throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let key = try await APIReaderKey.open(headers.first(name: APIReaderKey.header), for: try requireUser().requireID(),
                                                    now: application.clock.now(), on: db) else {
            throw AppError.forbiddenUntil(code: "reader_key_required")
        }
        return key
    }
}
