import Crypto
import Foundation
import Testing
@testable import AuditLog

struct LogVerifierTests {
    let key = Curve25519.Signing.PrivateKey()

    func entry(_ sequence: UInt64, action: String = "organisation.create") -> AuditEntry {
        AuditEntry(
            sequence: sequence, timestampMs: 1_795_000_000_000 + Int64(sequence), actor: "user:1",
            action: action, subjectType: "organisation", subjectID: "org-\(sequence)", reason: "",
            changeDigest: ChangeDigest.of(["n": "\(sequence)"]))
    }

    /// A log that signs after every append, as the application does.
    func makeLog(_ count: UInt64) throws -> ([AuditEntry], [Checkpoint]) {
        var range = CompactRange()
        var entries: [AuditEntry] = []
        var checkpoints: [Checkpoint] = []
        for sequence in 0..<count {
            let e = entry(sequence)
            entries.append(e)
            range.append(e.leafHash)
            checkpoints.append(try .sign(treeSize: range.size, rootHash: range.root, timestampMs: e.timestampMs, with: key))
        }
        return (entries, checkpoints)
    }

    @Test func intactLogVerifies() throws {
        let (entries, checkpoints) = try makeLog(9)
        let result = LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey)
        #expect(try result.get().entries == 9)
        #expect(try result.get().root == MerkleTree.root(entries.map(\.leafHash)))
    }

    @Test func alteredEntryIsNamed() throws {
        var (entries, checkpoints) = try makeLog(9)
        entries[4].action = "organisation.delete"
        let result = LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey)
        #expect(result == .failure(.entryMismatch(sequence: 4, checkpointSize: 5)))
    }

    @Test func deletedEntryIsNamed() throws {
        var (entries, checkpoints) = try makeLog(9)
        entries.remove(at: 6)
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey)
            == .failure(.missingEntry(sequence: 6)))
    }

    @Test func deletedTailIsCaughtByLaterCheckpoint() throws {
        var (entries, checkpoints) = try makeLog(9)
        entries.removeLast()
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey)
            == .failure(.checkpointBeyondLog(checkpointSize: 9, logSize: 8)))
    }

    @Test func forgedOrMissingCheckpointsAreCaught() throws {
        var (entries, checkpoints) = try makeLog(5)
        checkpoints[2].timestampMs += 1
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey)
            == .failure(.badSignature(checkpointSize: 3)))
        (entries, checkpoints) = try makeLog(5)
        checkpoints.remove(at: 1)
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey)
            == .failure(.missingCheckpoint(treeSize: 2)))
        let other = Curve25519.Signing.PrivateKey().publicKey
        (entries, checkpoints) = try makeLog(2)
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: other)
            == .failure(.badSignature(checkpointSize: 1)))
    }

    /// By default only the newest signature is checked; it commits to every entry, so rewriting history and
    /// re-signing it with another key is still caught, and `.every` names the first re-signed checkpoint.
    @Test func rewrittenHistoryIsCaughtByTheNewestSignature() throws {
        var (entries, checkpoints) = try makeLog(9)
        entries[4].action = "organisation.delete"
        var range = CompactRange()
        let forger = Curve25519.Signing.PrivateKey()
        for (index, entry) in entries.enumerated() {
            range.append(entry.leafHash)
            if index >= 4 { checkpoints[index] = try .sign(treeSize: range.size, rootHash: range.root, timestampMs: 0, with: forger) }
        }
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .newest)
            == .failure(.badSignature(checkpointSize: 9)))
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .every)
            == .failure(.badSignature(checkpointSize: 5)))
    }

    /// The default reads only the newest checkpoint; what it finds, `.every` names exactly.
    @Test func newestModeFindsWhatEveryModeNames() throws {
        var (entries, checkpoints) = try makeLog(9)
        #expect(try LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .newest)
            .get().entries == 9)
        entries[2].reason = "edited"
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .newest)
            == .failure(.rootMismatch(checkpointSize: 9)))
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .every)
            == .failure(.entryMismatch(sequence: 2, checkpointSize: 3)))
        (entries, checkpoints) = try makeLog(9)
        checkpoints.remove(at: 3)
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .newest)
            == .failure(.checkpointsIncomplete(stored: 8, logSize: 9)))
        #expect(LogVerifier.verify(entries: entries, checkpoints: checkpoints, publicKey: key.publicKey, checking: .every)
            == .failure(.missingCheckpoint(treeSize: 4)))
    }

    @Test func aLogFedInSlicesVerifiesAsAWhole() throws {
        let (entries, checkpoints) = try makeLog(10)
        var replay = LogVerifier.Replay(publicKey: key.publicKey, checking: .every)
        for start in stride(from: 0, to: 10, by: 4) {
            let slice = Array(entries[start..<min(10, start + 4)])
            #expect(replay.feed(slice, checkpoints: checkpoints.filter { $0.treeSize > start && $0.treeSize <= start + 4 }) == nil)
        }
        let summary = try replay.finish(LogVerifier.StoredCheckpoints(checkpoints)).get()
        #expect(summary.root == MerkleTree.root(entries.map(\.leafHash)))
    }

    @Test func checkpointRoundTripsThroughJSON() throws {
        let (_, checkpoints) = try makeLog(3)
        let data = try JSONEncoder().encode(checkpoints[2])
        let decoded = try JSONDecoder().decode(Checkpoint.self, from: data)
        #expect(decoded == checkpoints[2])
        #expect(decoded.isSigned(by: key.publicKey))
    }
}
