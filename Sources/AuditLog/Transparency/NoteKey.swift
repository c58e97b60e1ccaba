import Crypto
import Foundation

/// An Ed25519 key as C2SP signed-note names it: a name, an algorithm byte and the public key, with a 4-byte key ID
/// derived from all three (c2sp.org/signed-note).
public struct NoteKey: Sendable, Equatable {
    /// The algorithm byte: a log's own signature, or a witness's timestamped cosignature (c2sp.org/tlog-cosignature).
    public enum Algorithm: UInt8, Sendable {
        case ed25519 = 0x01
        case cosignatureV1 = 0x04
    }

    public let name: String
    public let algorithm: Algorithm
    /// The raw Ed25519 public key (the key type itself is not `Sendable`).
    public let rawKey: [UInt8]

    public init?(name: String, algorithm: Algorithm, publicKey: Curve25519.Signing.PublicKey) {
        guard Self.isValidName(name) else { return nil }
        self.name = name
        self.algorithm = algorithm
        self.rawKey = Array(publicKey.rawRepresentation)
    }

    public var publicKey: Curve25519.Signing.PublicKey { try! Curve25519.Signing.PublicKey(rawRepresentation: rawKey) }

    /// `<name>+<hex key ID>+<base64(algorithm ‖ key)>`, the verifier-key text a client is configured with.
    public init?(verifierKey text: String) {
        // Base64 may hold "+", so the key material is whatever follows the second one.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let material = Data(base64Encoded: String(parts[2])), material.count == 33,
              let algorithm = Algorithm(rawValue: material[material.startIndex]),
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: material.dropFirst()),
              let key = NoteKey(name: String(parts[0]), algorithm: algorithm, publicKey: publicKey),
              key.keyIDHex == parts[1] else { return nil }
        self = key
    }

    /// SHA-256(name ‖ "\n" ‖ algorithm ‖ public key)[:4].
    public var keyID: [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0A, algorithm.rawValue])
        hasher.update(data: rawKey)
        return Array(hasher.finalize().prefix(4))
    }

    public var keyIDHex: String { keyID.map { String(format: "%02x", $0) }.joined() }

    public var verifierKey: String {
        "\(name)+\(keyIDHex)+\(Data([algorithm.rawValue] + rawKey).base64EncodedString())"
    }

    /// Names are non-empty and hold no spaces, plus signs or newlines.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == " " || $0 == "+" || $0 == "\n" || $0.properties.isWhitespace }
    }
}
