import AuditLog
import Crypto
import Foundation
import Vapor

/// An independent witness of the ledger (`integrity witness`): it remembers the last checkpoint it saw, checks each
/// new one against it with a consistency proof computed from the log's own tiles, cosigns it, and sends the
/// cosignature back. It refuses to cosign a checkpoint that is smaller, differently rooted at the same size, or not
/// consistent with what it saw: each is evidence that the log rewrote history.
public struct LedgerWitness: Sendable {
    /// What the witness keeps between runs.
    public struct State: Codable, Sendable, Equatable {
        public let origin: String
        public let size: UInt64
        /// Base64, as a checkpoint writes it.
        public let root: String
    }

    public enum Outcome: Sendable, Equatable {
        case cosigned(size: UInt64, added: Int)
        case unchanged(size: UInt64)
    }

    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    let log: TiledLogClient
    let logKey: NoteKey
    let name: String
    let key: AuditSigningKey
    let now: @Sendable () -> UInt64

    /// Checks the log's newest checkpoint against `state` and cosigns it; returns the new state to keep.
    public func run(from state: State?, submitTo cosignatureURL: String?) async throws -> (State, Outcome) {
        let note = try await log.checkpoint()
        guard note.verifiedSignature(by: logKey) != nil else { throw Refusal(description: "the checkpoint is not signed by the log's key") }
        let checkpoint = try TlogCheckpoint(text: note.text)
        guard checkpoint.origin == logKey.name else { throw Refusal(description: "the checkpoint names another log (\(checkpoint.origin))") }
        try await checkConsistency(checkpoint, with: state)
        let kept = State(origin: checkpoint.origin, size: checkpoint.treeSize, root: checkpoint.rootHash.base64)
        if state == kept, cosignatureURL == nil { return (kept, .unchanged(size: checkpoint.treeSize)) }
        var cosigned = SignedNote(text: note.text)
        cosigned.signatures = [try Cosignature.sign(note, timestamp: now(), with: key.key, name: name)]
        var added = 0
        if let cosignatureURL {
            let response = try await log.post(cosignatureURL, text: cosigned.serialized)
            guard response.status == .ok else { throw Refusal(description: "the log refused the cosignature (\(response.status.code))") }
            added = try response.content.decode(LedgerCosignatureResultDTO.self).added
        }
        return (kept, .cosigned(size: checkpoint.treeSize, added: added))
    }

    private func checkConsistency(_ checkpoint: TlogCheckpoint, with state: State?) async throws {
        guard let state, state.size > 0 else { return }
        guard let oldRoot = Data(base64Encoded: state.root).flatMap({ TreeHash(bytes: Array($0)) }) else {
            throw Refusal(description: "the witness's state file is damaged")
        }
        guard checkpoint.treeSize >= state.size else {
            throw Refusal(description: "the log shrank from \(state.size) to \(checkpoint.treeSize) entries")
        }
        let proof = try await TiledTree.withTiles(size: checkpoint.treeSize, fetch: log.hashes) { try $0.consistencyProof(from: state.size) }
        guard ProofVerifier.verifyConsistency(firstSize: state.size, secondSize: checkpoint.treeSize, firstRoot: oldRoot,
                                              secondRoot: checkpoint.rootHash, proof: proof) else {
            throw Refusal(description: "the checkpoint at \(checkpoint.treeSize) is not consistent with the one at \(state.size) seen before")
        }
    }
}
