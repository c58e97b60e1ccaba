import Crypto
import Dispatch

/// Replays the whole log and checks it against every stored checkpoint.
///
/// A checkpoint is signed after every append, so every tree size has one, and every checkpoint's root is compared
/// with the replayed tree. The newest checkpoint's signature commits to every entry (RFC 9162, 2.1), so checking it
/// and every root proves the log unaltered; the signature of a checkpoint whose root disagrees is checked too, to
/// tell an altered entry from a forged checkpoint. `.every` also checks every other signature, which costs one
/// Ed25519 verification per entry.
public enum LogVerifier {
    public struct Summary: Equatable, Sendable {
        public let entries: UInt64
        public let checkpoints: Int
        public let root: TreeHash
    }

    public enum Signatures: Sendable {
        case newest, every
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case missingEntry(sequence: UInt64)
        case entryMismatch(sequence: UInt64, checkpointSize: UInt64)
        case badSignature(checkpointSize: UInt64)
        case missingCheckpoint(treeSize: UInt64)
        case checkpointBeyondLog(checkpointSize: UInt64, logSize: UInt64)

        public var description: String {
            switch self {
            case .missingEntry(let s):
                "entry #\(s) is missing: the sequence has a gap (a row was deleted)"
            case .entryMismatch(let s, let size):
                "entry #\(s) does not match the signed checkpoint at tree size \(size) (the row was altered)"
            case .badSignature(let size):
                "checkpoint at tree size \(size) has an invalid signature"
            case .missingCheckpoint(let size):
                "the checkpoint for tree size \(size) is missing (a row was deleted)"
            case .checkpointBeyondLog(let size, let logSize):
                "checkpoint at tree size \(size) covers entries beyond the \(logSize) in the log (entries were deleted)"
            }
        }
    }

    /// The whole log at once; `entries` ordered by sequence, `checkpoints` in any order.
    public static func verify(
        entries: some Sequence<AuditEntry>, checkpoints: [Checkpoint], publicKey: Curve25519.Signing.PublicKey,
        signatures: Signatures = .every
    ) -> Result<Summary, Failure> {
        var replay = Replay(publicKey: publicKey, signatures: signatures)
        if let failure = replay.feed(Array(entries), checkpoints: checkpoints) { return .failure(failure) }
        return replay.finish(checkpointCount: checkpoints.count, largestCheckpoint: checkpoints.map(\.treeSize).max())
    }

    /// The log fed in slices, so that a reader never holds it all: each slice's entries follow the previous slice's,
    /// with the checkpoints at the sizes those entries reach.
    public struct Replay {
        private let publicKey: Curve25519.Signing.PublicKey
        private let signatures: Signatures
        private var range = CompactRange()
        private var newest: [Checkpoint] = []

        public init(publicKey: Curve25519.Signing.PublicKey, signatures: Signatures) {
            self.publicKey = publicKey
            self.signatures = signatures
        }

        public var size: UInt64 { range.size }

        public mutating func feed(_ entries: [AuditEntry], checkpoints: [Checkpoint]) -> Failure? {
            let bySize = Dictionary(grouping: checkpoints, by: \.treeSize)
            let signed = signatures == .every ? Self.signedSizes(checkpoints, by: publicKey) : nil
            for entry in entries {
                guard entry.sequence == range.size else {
                    return .missingEntry(sequence: min(entry.sequence, range.size))
                }
                range.append(entry.leafHash)
                guard let stored = bySize[range.size] else { return .missingCheckpoint(treeSize: range.size) }
                if let signed, !signed.contains(range.size) { return .badSignature(checkpointSize: range.size) }
                for checkpoint in stored where checkpoint.rootHash != range.root {
                    guard checkpoint.isSigned(by: publicKey) else { return .badSignature(checkpointSize: range.size) }
                    return .entryMismatch(sequence: entry.sequence, checkpointSize: range.size)
                }
                newest = stored
            }
            return nil
        }

        /// `checkpointCount` and `largestCheckpoint` are those of every stored checkpoint, fed or not.
        public func finish(checkpointCount: Int, largestCheckpoint: UInt64?) -> Result<Summary, Failure> {
            if let largest = largestCheckpoint, largest > range.size {
                return .failure(.checkpointBeyondLog(checkpointSize: largest, logSize: range.size))
            }
            if newest.contains(where: { !$0.isSigned(by: publicKey) }) {
                return .failure(.badSignature(checkpointSize: range.size))
            }
            return .success(Summary(entries: range.size, checkpoints: checkpointCount, root: range.root))
        }

        /// The sizes whose every checkpoint is validly signed, checked on every core.
        private static func signedSizes(_ checkpoints: [Checkpoint], by key: Curve25519.Signing.PublicKey) -> Set<UInt64> {
            let valid = UnsafeMutableBufferPointer<Bool>.allocate(capacity: checkpoints.count)
            defer { valid.deallocate() }
            let shared = UncheckedSendable((valid, key))
            let chunk = 256
            DispatchQueue.concurrentPerform(iterations: (checkpoints.count + chunk - 1) / chunk) { part in
                let (results, key) = shared.value
                for index in part * chunk..<min(checkpoints.count, (part + 1) * chunk) {
                    results[index] = checkpoints[index].isSigned(by: key)
                }
            }
            var bad = Set<UInt64>()
            for (index, checkpoint) in checkpoints.enumerated() where !valid[index] { bad.insert(checkpoint.treeSize) }
            return Set(checkpoints.lazy.map(\.treeSize).filter { !bad.contains($0) })
        }
    }
}

/// Each concurrent iteration writes its own slots of the buffer; the key is only read.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
