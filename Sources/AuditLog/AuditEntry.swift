import Crypto

/// One leaf of the audit log. People appear only as opaque ids; the change itself is kept as a digest.
public struct AuditEntry: Equatable, Sendable {
    public static let formatVersion: UInt8 = 1

    public var sequence: UInt64
    public var timestampMs: Int64
    public var actor: String
    public var action: String
    public var subjectType: String
    public var subjectID: String
    public var reason: String
    public var changeDigest: TreeHash

    public init(
        sequence: UInt64, timestampMs: Int64, actor: String, action: String,
        subjectType: String, subjectID: String, reason: String, changeDigest: TreeHash
    ) {
        self.sequence = sequence
        self.timestampMs = timestampMs
        self.actor = actor
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.reason = reason
        self.changeDigest = changeDigest
    }

    /// Canonical bytes, documented in docs/audit-log.md:
    /// version u8 ‖ sequence u64be ‖ timestamp i64be ‖ actor ‖ action ‖ subject type ‖ subject id ‖ reason ‖ digest[32],
    /// where each text is a u32be byte length followed by its UTF-8 bytes.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = [Self.formatVersion]
        out.appendBigEndian(sequence)
        out.appendBigEndian(UInt64(bitPattern: timestampMs))
        for text in [actor, action, subjectType, subjectID, reason] {
            out.appendLengthPrefixed(text)
        }
        out.append(contentsOf: changeDigest.bytes)
        return out
    }

    public var leafHash: TreeHash { .leaf(canonicalBytes) }
}

/// A digest of the fields a change touched, independent of their order:
/// SHA-256 of u32be count ‖ (key ‖ value)* with keys sorted by their UTF-8 bytes.
public enum ChangeDigest {
    public static func of(_ fields: [String: String]) -> TreeHash {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(UInt32(fields.count))
        for key in fields.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            bytes.appendLengthPrefixed(key)
            bytes.appendLengthPrefixed(fields[key] ?? "")
        }
        return TreeHash(bytes: Array(SHA256.hash(data: bytes)))!
    }
}

extension [UInt8] {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    mutating func appendLengthPrefixed(_ text: String) {
        let utf8 = Array(text.utf8)
        appendBigEndian(UInt32(utf8.count))
        append(contentsOf: utf8)
    }
}
