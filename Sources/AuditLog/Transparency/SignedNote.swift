import Crypto
import Foundation

/// A C2SP signed note: a text ending in a newline, a blank line, then one line per signature,
/// `— <name> <base64(key ID ‖ signature)>`.
public struct SignedNote: Sendable, Equatable {
    public struct Signature: Sendable, Equatable {
        public let name: String
        public let keyID: [UInt8]
        public let bytes: [UInt8]

        public init(name: String, keyID: [UInt8], bytes: [UInt8]) {
            self.name = name
            self.keyID = keyID
            self.bytes = bytes
        }

        /// The signature line, ending in a newline.
        public var line: String { "— \(name) \(Data(keyID + bytes).base64EncodedString())\n" }
    }

    public enum ParseError: Error, Equatable, Sendable {
        case malformed(String)
    }

    public let text: String
    public var signatures: [Signature]

    public init(text: String, signatures: [Signature] = []) {
        precondition(text.hasSuffix("\n"), "a note's text ends with a newline")
        self.text = text
        self.signatures = signatures
    }

    public var serialized: String { text + "\n" + signatures.map(\.line).joined() }

    public static func parse(_ note: String) throws(ParseError) -> SignedNote {
        guard let split = note.range(of: "\n\n", options: .backwards) else { throw .malformed("no blank line before the signatures") }
        let text = String(note[..<split.lowerBound]) + "\n"
        let block = note[split.upperBound...]
        guard block.hasSuffix("\n") else { throw .malformed("the last signature line does not end with a newline") }
        var signatures: [Signature] = []
        for line in block.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            signatures.append(try signature(line))
        }
        guard !signatures.isEmpty else { throw .malformed("no signature") }
        return SignedNote(text: text, signatures: signatures)
    }

    private static func signature(_ line: Substring) throws(ParseError) -> Signature {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "—", NoteKey.isValidName(String(parts[1])),
              let raw = Data(base64Encoded: String(parts[2])), raw.count > 4 else {
            throw .malformed("not a signature line: \(line.prefix(80))")
        }
        return Signature(name: String(parts[1]), keyID: Array(raw.prefix(4)), bytes: Array(raw.dropFirst(4)))
    }

    /// Signs the text with a log key (algorithm 0x01).
    public mutating func sign(with key: Curve25519.Signing.PrivateKey, name: String) throws {
        guard let noteKey = NoteKey(name: name, algorithm: .ed25519, publicKey: key.publicKey) else {
            throw ParseError.malformed("not a key name: \(name)")
        }
        let signature = try key.signature(for: Array(text.utf8))
        signatures.append(Signature(name: name, keyID: noteKey.keyID, bytes: Array(signature)))
    }

    /// The signature that `key` made over this note, checked; nil when there is none or it does not verify.
    public func verifiedSignature(by key: NoteKey) -> Signature? {
        signatures.first { $0.name == key.name && $0.keyID == key.keyID && Self.verifies($0, key: key, text: text) }
    }

    private static func verifies(_ signature: Signature, key: NoteKey, text: String) -> Bool {
        switch key.algorithm {
        case .ed25519:
            return key.publicKey.isValidSignature(signature.bytes, for: Array(text.utf8))
        case .cosignatureV1:
            guard let cosignature = Cosignature(signature) else { return false }
            return key.publicKey.isValidSignature(cosignature.signature, for: Cosignature.message(timestamp: cosignature.timestamp, checkpoint: text))
        }
    }
}
