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

    @Test func checkpointRoundTripsThroughJSON() throws {
        let (_, checkpoints) = try makeLog(3)
        let data = try JSONEncoder().encode(checkpoints[2])
        let decoded = try JSONDecoder().decode(Checkpoint.self, from: data)
        #expect(decoded == checkpoints[2])
        #expect(decoded.isSigned(by: key.publicKey))
    }
}
