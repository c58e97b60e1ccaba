import Crypto
import Dispatch

/// Replays the whole log and checks it against the stored checkpoints.
///
/// A checkpoint is signed after every append, so every tree size has one. By default (`.newest`) the replayed root
/// is compared with the newest checkpoint and its signature checked: that signature commits to every entry (RFC 9162,
/// 2.1), so history cannot be rewritten without the signing key; the other checkpoints are counted, not read.
/// `.every` compares every checkpoint's root and checks every signature, one Ed25519 verification per entry, and
/// names the first altered entry or forged checkpoint exactly; a caller runs it when the default finds a problem.
public enum LogVerifier {
    public struct Summary: Equatable, Sendable {
        public let entries: UInt64
        public let checkpoints: Int
        public let root: TreeHash
    }

    public enum Checkpoints: Sendable {
        case newest, every
    }

    /// What is stored beside the entries: how many checkpoints, their smallest and largest sizes, and the ones at
    /// the largest size.
    public struct StoredCheckpoints: Sendable {
        public let count: Int
        public let smallest: UInt64?
        public let largest: UInt64?
        public let newest: [Checkpoint]

        public init(count: Int, smallest: UInt64?, largest: UInt64?, newest: [Checkpoint]) {
            self.count = count
            self.smallest = smallest
            self.largest = largest
            self.newest = newest
        }

        public init(_ all: [Checkpoint]) {
            let largest = all.map(\.treeSize).max()
            self.init(count: all.count, smallest: all.map(\.treeSize).min(), largest: largest,
                      newest: all.filter { $0.treeSize == largest })
        }
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case missingEntry(sequence: UInt64)
        case entryMismatch(sequence: UInt64, checkpointSize: UInt64)
        case badSignature(checkpointSize: UInt64)
        case missingCheckpoint(treeSize: UInt64)
        case checkpointBeyondLog(checkpointSize: UInt64, logSize: UInt64)
        /// `.newest` only: the replayed root differs from the newest checkpoint's.
        case rootMismatch(checkpointSize: UInt64)
        /// `.newest` only: some tree size has no checkpoint, or a size outside the log has one.
        case checkpointsIncomplete(stored: Int, logSize: UInt64)

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
            case .rootMismatch(let size):
                "the log does not match the signed checkpoint at tree size \(size) (an entry was altered)"
            case .checkpointsIncomplete(let stored, let logSize):
                "\(stored) checkpoints for \(logSize) entries: every tree size should have one (a row was deleted or added)"
            }
        }
    }

    /// The whole log at once; `entries` ordered by sequence, `checkpoints` in any order.
    public static func verify(
        entries: some Sequence<AuditEntry>, checkpoints: [Checkpoint], publicKey: Curve25519.Signing.PublicKey,
        checking: Checkpoints = .every
    ) -> Result<Summary, Failure> {
        var replay = Replay(publicKey: publicKey, checking: checking)
        if let failure = replay.feed(Array(entries), checkpoints: checkpoints) { return .failure(failure) }
        return replay.finish(StoredCheckpoints(checkpoints))
    }

    /// The log fed in slices, so that a reader never holds it all: each slice's entries follow the previous slice's,
    /// with (for `.every`) the checkpoints at the sizes those entries reach.
    public struct Replay {
        private let publicKey: Curve25519.Signing.PublicKey
        private let checking: Checkpoints
        private var range = CompactRange()

        public init(publicKey: Curve25519.Signing.PublicKey, checking: Checkpoints) {
            self.publicKey = publicKey
            self.checking = checking
        }

        public var size: UInt64 { range.size }

        public mutating func feed(_ entries: [AuditEntry], checkpoints: [Checkpoint]) -> Failure? {
            switch checking {
            case .newest:
                for entry in entries {
                    guard entry.sequence == range.size else { return .missingEntry(sequence: min(entry.sequence, range.size)) }
                    range.append(entry.leafHash)
                }
                return nil
            case .every:
                return feedComparingEveryRoot(entries, checkpoints)
            }
        }

        private mutating func feedComparingEveryRoot(_ entries: [AuditEntry], _ checkpoints: [Checkpoint]) -> Failure? {
            let bySize = Dictionary(grouping: checkpoints, by: \.treeSize)
            let signed = Self.signedSizes(checkpoints, by: publicKey)
            for entry in entries {
                guard entry.sequence == range.size else { return .missingEntry(sequence: min(entry.sequence, range.size)) }
                range.append(entry.leafHash)
                guard let stored = bySize[range.size] else { return .missingCheckpoint(treeSize: range.size) }
                guard signed.contains(range.size) else { return .badSignature(checkpointSize: range.size) }
                if stored.contains(where: { $0.rootHash != range.root }) {
                    return .entryMismatch(sequence: entry.sequence, checkpointSize: range.size)
                }
            }
            return nil
        }

        public func finish(_ stored: StoredCheckpoints) -> Result<Summary, Failure> {
            if let largest = stored.largest, largest > range.size {
                return .failure(.checkpointBeyondLog(checkpointSize: largest, logSize: range.size))
            }
            if checking == .newest {
                guard stored.count == Int(range.size), range.size == 0 || stored.smallest == 1 else {
                    return .failure(.checkpointsIncomplete(stored: stored.count, logSize: range.size))
                }
                if let forged = stored.newest.first(where: { !$0.isSigned(by: publicKey) }) {
                    return .failure(.badSignature(checkpointSize: forged.treeSize))
                }
                if stored.newest.contains(where: { $0.rootHash != range.root }) {
                    return .failure(.rootMismatch(checkpointSize: range.size))
                }
            }
            return .success(Summary(entries: range.size, checkpoints: stored.count, root: range.root))
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
