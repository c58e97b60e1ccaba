import Crypto
import Foundation

/// A recipient's key pair as it is stored: the public key, and the private key sealed twice, under a key stretched
/// from their password and under a recovery key that the administrator prints once. The server keeps neither the
/// password nor the recovery key, so at rest it holds no usable private key.
public struct RecipientKeyring: Codable, Equatable, Sendable {
    public let readerID: String
    public let publicKey: Data
    public let passwordSalt: Data
    public let cost: StretchCost
    public let underPassword: SealedPrivateKey
    public let underRecovery: SealedPrivateKey

    /// A new key pair for `readerID`, and the recovery key to print (shown once, never stored).
    public static func create(readerID: String, password: String, cost: StretchCost) throws -> (RecipientKeyring, recovery: RecoveryKey) {
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let recovery = RecoveryKey()
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        let purpose = SealedPrivateKey.recipientPurpose(readerID: readerID)
        let keyring = RecipientKeyring(
            readerID: readerID, publicKey: privateKey.publicKey.rawRepresentation, passwordSalt: salt, cost: cost,
            underPassword: try SealedPrivateKey(privateKey, under: try cost.stretch(Data(password.utf8), salt: salt), purpose: purpose),
            underRecovery: try SealedPrivateKey(privateKey, under: recovery.key, purpose: purpose))
        return (keyring, recovery)
    }

    public var agreementKey: Curve25519.KeyAgreement.PublicKey {
        get throws { try Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey) }
    }

    public func unlock(password: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        try underPassword.open(with: try cost.stretch(Data(password.utf8), salt: passwordSalt), purpose: SealedPrivateKey.recipientPurpose(readerID: readerID))
    }

    public func unlock(recovery: RecoveryKey) throws -> Curve25519.KeyAgreement.PrivateKey {
        try underRecovery.open(with: recovery.key, purpose: SealedPrivateKey.recipientPurpose(readerID: readerID))
    }

    /// The same key pair sealed under a new password, after the old one or the recovery key unlocked it.
    public func resealed(_ privateKey: Curve25519.KeyAgreement.PrivateKey, password: String) throws -> RecipientKeyring {
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        return RecipientKeyring(readerID: readerID, publicKey: publicKey, passwordSalt: salt, cost: cost,
                                underPassword: try SealedPrivateKey(privateKey, under: try cost.stretch(Data(password.utf8), salt: salt),
                                                                    purpose: SealedPrivateKey.recipientPurpose(readerID: readerID)),
                                underRecovery: underRecovery)
    }
}

/// 32 random bytes, printed as eight groups of eight hexadecimal digits.
public struct RecoveryKey: Equatable, Sendable, CustomStringConvertible {
    public let bytes: Data

    public init() {
        bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    /// Reads a printed key back; spaces are ignored, case too.
    public init?(printed: String) {
        let hex = printed.lowercased().filter { !$0.isWhitespace }
        guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
        var bytes = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self.bytes = bytes
    }

    var key: SymmetricKey { SymmetricKey(data: bytes) }

    public static func == (a: RecoveryKey, b: RecoveryKey) -> Bool { a.bytes == b.bytes }

    public var description: String {
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: 64, by: 8).map { start in
            String(hex[hex.index(hex.startIndex, offsetBy: start)..<hex.index(hex.startIndex, offsetBy: start + 8)])
        }.joined(separator: " ")
    }
}
