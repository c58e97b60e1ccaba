import Crypto
import Foundation

/// A SHA-256 value inside the Merkle tree (RFC 9162 §2.1.1).
public struct TreeHash: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Lower- or upper-case hex; a verification parses a million of these.
    public init?(hex: String) {
        var text = hex
        let parsed: [UInt8]? = text.withUTF8 { utf8 in
            guard utf8.count == 64 else { return nil }
            var out = [UInt8](repeating: 0, count: 32)
            for index in 0..<32 {
                guard let high = Self.nibble(utf8[2 * index]), let low = Self.nibble(utf8[2 * index + 1]) else { return nil }
                out[index] = high << 4 | low
            }
            return out
        }
        guard let parsed else { return nil }
        self.bytes = parsed
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private init(digest: SHA256.Digest) {
        self.bytes = digest.withUnsafeBytes { Array($0) }
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return 64
        }
    }

    public var base64: String { Data(bytes).base64EncodedString() }
    public var description: String { hex }

    /// MTH({}) = SHA-256 of the empty string.
    public static let emptyTree = TreeHash(digest: SHA256.hash(data: [UInt8]()))

    private static let leafPrefix: [UInt8] = [0x00]
    private static let nodePrefix: [UInt8] = [0x01]

    /// Leaf hash = SHA-256(0x00 ‖ leaf bytes).
    public static func leaf(_ data: [UInt8]) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: leafPrefix)
        hasher.update(data: data)
        return TreeHash(digest: hasher.finalize())
    }

    /// Node hash = SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: nodePrefix)
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return TreeHash(digest: hasher.finalize())
    }
}
