import Crypto
import Foundation

/// A report's data key wrapped for one reader with HPKE (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256),
/// HKDF-SHA256, ChaCha20-Poly1305). `info` binds it to the report and the reader, so a wrapped key copied to another
/// report or reader does not open.
public struct WrappedKey: Codable, Equatable, Sendable {
    public static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    /// The reader id under which a whistleblower's own key is wrapped.
    public static let whistleblower = "whistleblower"

    public let readerID: String
    /// The encapsulated key (32 bytes).
    public let enc: Data
    /// The sealed data key (32 + 16 bytes).
    public let ciphertext: Data

    public static func info(reportID: String, readerID: String) -> Data {
        Data("integrity-exchange/report-key/v1|\(reportID)|\(readerID)".utf8)
    }

    public init(readerID: String, enc: Data, ciphertext: Data) {
        (self.readerID, self.enc, self.ciphertext) = (readerID, enc, ciphertext)
    }

    public init(_ key: ReportKey, for readerID: String, publicKey: Curve25519.KeyAgreement.PublicKey) throws {
        var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: Self.suite, info: Self.info(reportID: key.reportID, readerID: readerID))
        let sealed = try key.dataKey.withUnsafeBytes { try sender.seal(Data($0)) }
        self.init(readerID: readerID, enc: sender.encapsulatedKey, ciphertext: sealed)
    }

    /// The report's key, for the holder of the reader's private key; throws for anyone else.
    public func open(reportID: String, with privateKey: Curve25519.KeyAgreement.PrivateKey) throws -> ReportKey {
        var recipient = try HPKE.Recipient(privateKey: privateKey, ciphersuite: Self.suite,
                                           info: Self.info(reportID: reportID, readerID: readerID), encapsulatedKey: enc)
        let dataKey = try recipient.open(ciphertext)
        guard dataKey.count == 32 else { throw CryptoKitError.incorrectKeySize }
        return ReportKey(reportID: reportID, dataKey: SymmetricKey(data: dataKey))
    }
}

/// A private key sealed under a symmetric key (a password's or a receipt's key-encryption key, or a recovery key):
/// nonce ‖ ChaCha20-Poly1305(raw private key) ‖ tag, with `purpose` as associated data.
public struct SealedPrivateKey: Codable, Equatable, Sendable {
    public let sealed: Data

    public init(_ key: Curve25519.KeyAgreement.PrivateKey, under wrapping: SymmetricKey, purpose: String) throws {
        sealed = try ChaChaPoly.seal(key.rawRepresentation, using: wrapping, authenticating: Data(purpose.utf8)).combined
    }

    public init(sealed: Data) {
        self.sealed = sealed
    }

    public func open(with wrapping: SymmetricKey, purpose: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        let raw = try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: wrapping, authenticating: Data(purpose.utf8))
        return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
    }

    public static func whistleblowerPurpose(reportID: String) -> String { "integrity-exchange/whistleblower-key/v1|\(reportID)" }
    public static func recipientPurpose(readerID: String) -> String { "integrity-exchange/recipient-key/v1|\(readerID)" }
}
