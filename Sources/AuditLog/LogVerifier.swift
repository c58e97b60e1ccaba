import Crypto

/// Replays the whole log and checks it against every stored checkpoint.
/// Because a checkpoint is signed after every append, the first failing checkpoint names the altered entry.
public enum LogVerifier {
    public struct Summary: Equatable, Sendable {
        public let entries: UInt64
        public let checkpoints: Int
        public let root: TreeHash
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

    /// `entries` must be ordered by sequence; `checkpoints` may be in any order.
    public static func verify(
        entries: some Sequence<AuditEntry>, checkpoints: [Checkpoint], publicKey: Curve25519.Signing.PublicKey
    ) -> Result<Summary, Failure> {
        let bySize = Dictionary(grouping: checkpoints, by: \.treeSize)
        var range = CompactRange()
        for entry in entries {
            guard entry.sequence == range.size else {
                return .failure(.missingEntry(sequence: min(entry.sequence, range.size)))
            }
            range.append(entry.leafHash)
            guard let signed = bySize[range.size] else {
                return .failure(.missingCheckpoint(treeSize: range.size))
            }
            for checkpoint in signed {
                guard checkpoint.isSigned(by: publicKey) else { return .failure(.badSignature(checkpointSize: range.size)) }
                guard checkpoint.rootHash == range.root else {
                    return .failure(.entryMismatch(sequence: entry.sequence, checkpointSize: range.size))
                }
            }
        }
        if let beyond = checkpoints.map(\.treeSize).filter({ $0 > range.size }).min() {
            return .failure(.checkpointBeyondLog(checkpointSize: beyond, logSize: range.size))
        }
        return .success(Summary(entries: range.size, checkpoints: checkpoints.count, root: range.root))
    }
}
