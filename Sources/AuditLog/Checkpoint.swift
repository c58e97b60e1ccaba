import Crypto
import Foundation

/// A signed statement of the log's size and root at a moment.
public struct Checkpoint: Equatable, Sendable, Codable {
    public static let origin = "integrity-exchange/audit/v1"

    public var treeSize: UInt64
    public var rootHash: TreeHash
    public var timestampMs: Int64
    public var signature: [UInt8]

    public init(treeSize: UInt64, rootHash: TreeHash, timestampMs: Int64, signature: [UInt8]) {
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.timestampMs = timestampMs
        self.signature = signature
    }

    /// The signed text: origin, size, base64 root and timestamp, each on its own line.
    public static func signedBody(treeSize: UInt64, rootHash: TreeHash, timestampMs: Int64) -> [UInt8] {
        Array("\(origin)\n\(treeSize)\n\(rootHash.base64)\n\(timestampMs)\n".utf8)
    }

    public var signedBody: [UInt8] { Self.signedBody(treeSize: treeSize, rootHash: rootHash, timestampMs: timestampMs) }

    public static func sign(
        treeSize: UInt64, rootHash: TreeHash, timestampMs: Int64, with key: Curve25519.Signing.PrivateKey
    ) throws -> Checkpoint {
        let body = signedBody(treeSize: treeSize, rootHash: rootHash, timestampMs: timestampMs)
        let signature = try key.signature(for: body)
        return Checkpoint(treeSize: treeSize, rootHash: rootHash, timestampMs: timestampMs, signature: Array(signature))
    }

    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        key.isValidSignature(signature, for: signedBody)
    }

    enum CodingKeys: String, CodingKey { case treeSize, rootHash, timestampMs, signature }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        treeSize = try c.decode(UInt64.self, forKey: .treeSize)
        let rootText = try c.decode(String.self, forKey: .rootHash)
        guard let root = Data(base64Encoded: rootText).flatMap({ TreeHash(bytes: Array($0)) }) else {
            throw DecodingError.dataCorruptedError(forKey: .rootHash, in: c, debugDescription: "not a base64 SHA-256 value")
        }
        rootHash = root
        timestampMs = try c.decode(Int64.self, forKey: .timestampMs)
        guard let sig = Data(base64Encoded: try c.decode(String.self, forKey: .signature)) else {
            throw DecodingError.dataCorruptedError(forKey: .signature, in: c, debugDescription: "not base64")
        }
        signature = Array(sig)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(treeSize, forKey: .treeSize)
        try c.encode(rootHash.base64, forKey: .rootHash)
        try c.encode(timestampMs, forKey: .timestampMs)
        try c.encode(Data(signature).base64EncodedString(), forKey: .signature)
    }
}

extension Curve25519.Signing.PublicKey {
    /// A short, stable name for a key: the first 8 bytes of SHA-256 of its raw form, in hex.
    public var keyID: String {
        SHA256.hash(data: rawRepresentation).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
