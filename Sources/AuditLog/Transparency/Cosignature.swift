import Crypto
import Foundation

/// A witness's statement that it saw a checkpoint and checked it consistent with everything before
/// (c2sp.org/tlog-cosignature, Ed25519 cosignature/v1).
public struct Cosignature: Sendable, Equatable {
    /// Seconds since the Epoch when the witness signed.
    public let timestamp: UInt64
    public let signature: [UInt8]

    init?(_ line: SignedNote.Signature) {
        guard line.bytes.count == 72 else { return nil }
        timestamp = line.bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        signature = Array(line.bytes.dropFirst(8))
    }

    /// The time a cosignature line carries, without checking it.
    public static func timestamp(of line: SignedNote.Signature) -> UInt64? { Cosignature(line)?.timestamp }

    /// "cosignature/v1", the time line, then the checkpoint's whole text.
    public static func message(timestamp: UInt64, checkpoint text: String) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n\(text)".utf8)
    }

    /// The signature line a witness named `name` adds to `note`.
    public static func sign(
        _ note: SignedNote, timestamp: UInt64, with key: Curve25519.Signing.PrivateKey, name: String
    ) throws -> SignedNote.Signature {
        guard let noteKey = NoteKey(name: name, algorithm: .cosignatureV1, publicKey: key.publicKey) else {
            throw SignedNote.ParseError.malformed("not a key name: \(name)")
        }
        let signature = try key.signature(for: message(timestamp: timestamp, checkpoint: note.text))
        let time = (0..<8).map { UInt8(truncatingIfNeeded: timestamp >> (56 - 8 * $0)) }
        return SignedNote.Signature(name: name, keyID: noteKey.keyID, bytes: time + Array(signature))
    }
}
