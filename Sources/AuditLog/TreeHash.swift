import Crypto
import Foundation

/// A SHA-256 value inside the Merkle tree (RFC 9162 §2.1.1).
public struct TreeHash: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        guard hex.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        self.bytes = out
    }

    private init(digest: SHA256.Digest) {
        self.bytes = Array(digest)
    }

    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }
    public var base64: String { Data(bytes).base64EncodedString() }
    public var description: String { hex }

    /// MTH({}) = SHA-256 of the empty string.
    public static let emptyTree = TreeHash(digest: SHA256.hash(data: [UInt8]()))

    /// Leaf hash = SHA-256(0x00 ‖ leaf bytes).
    public static func leaf(_ data: [UInt8]) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: data)
        return TreeHash(digest: hasher.finalize())
    }

    /// Node hash = SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return TreeHash(digest: hasher.finalize())
    }
}
