import AuditLog
import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import ProcurementLedger
import SQLKit
import Vapor

/// The procurement ledger's log: the second instance of the RFC 9162 log, with its own key and origin.
///
/// Appends are committed in groups: a submission that arrives while a group is being written waits for the next,
/// and each group is one transaction. Inside it every submission is judged in turn on what the log holds then,
/// including the group's earlier entries, and gets its own checkpoint and inclusion proof, so a refusal of one
/// leaves the others whole.
final class LedgerLog: Sendable {
    private let signingKey: AuditSigningKey
    /// The checkpoint origin: the log's URL prefix without its scheme.
    let origin: String
    private let queue = NIOLockedValueBox(Queue())

    private struct Queue {
        var waiting: [Pending] = []
        var writing = false
    }

    struct Pending: Sendable {
        let submission: LedgerSubmission
        let continuation: CheckedContinuation<LedgerReceipt, Error>
    }

    init(key: AuditSigningKey, origin: String) {
        self.signingKey = key
        self.origin = origin
    }

    var key: Curve25519.Signing.PrivateKey { signingKey.key }

    var noteKey: NoteKey { NoteKey(name: origin, algorithm: .ed25519, publicKey: key.publicKey)! }

    /// Appends one signed event, or throws its `LedgerRefusal`.
    func append(_ submission: LedgerSubmission, on database: Database, clock: WallClock,
                disclosures: @escaping @Sendable (UUID, Database) async throws -> Bool) async throws -> LedgerReceipt {
        try await withCheckedThrowingContinuation { continuation in
            let lead = queue.withLockedValue { queue -> Bool in
                queue.waiting.append(Pending(submission: submission, continuation: continuation))
                guard !queue.writing else { return false }
                queue.writing = true
                return true
            }
            if lead {
                Task { await self.writeGroups(on: database, clock: clock, disclosures: disclosures) }
            }
        }
    }

    private func writeGroups(on database: Database, clock: WallClock,
                             disclosures: @escaping @Sendable (UUID, Database) async throws -> Bool) async {
        while true {
            let group = queue.withLockedValue { queue -> [Pending] in
                let group = queue.waiting
                queue.waiting = []
                if group.isEmpty { queue.writing = false }
                return group
            }
            guard !group.isEmpty else { return }
            do {
                let outcomes = try await database.transaction { tx in
                    try await Self.lockAcrossProcesses(tx)
                    var writer = try await LedgerGroupWriter(db: tx, log: self, clock: clock, disclosures: disclosures)
                    try await writer.prefetch(group.map(\.submission))
                    var outcomes: [Result<LedgerReceipt, Error>] = []
                    for pending in group {
                        outcomes.append(try await writer.append(pending.submission))
                    }
                    try await writer.finish()
                    return outcomes
                }
                for (pending, outcome) in zip(group, outcomes) { pending.continuation.resume(with: outcome) }
            } catch {
                for pending in group { pending.continuation.resume(throwing: error) }
            }
        }
    }

    /// Several app processes may append: an advisory lock serialises their groups on PostgreSQL, and on SQLite the
    /// first statement takes the write lock. A key's revocation takes it too, so that a group never signs on a key
    /// revoked while it was being written.
    static func lockAcrossProcesses(_ db: Database) async throws {
        let sql = db.sql
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7310943)").run()
        } else {
            try await sql.raw("UPDATE \(unsafeRaw: LedgerTreeState.schema) SET size = size WHERE 1 = 0").run()
        }
    }
}

/// A signed event as it arrives: the event's bytes, and who says they signed them.
struct LedgerSubmission: Sendable {
    let organisation: UUID
    let keyID: String
    let signature: [UInt8]
    let event: [UInt8]
}

/// What the log gives back for an appended entry: where it is, and the proof that the signed checkpoint holds it.
struct LedgerReceipt: Sendable {
    let index: UInt64
    let leafHash: TreeHash
    let loggedMs: Int64
    let checkpoint: SignedNote
    let inclusionProof: [TreeHash]
}

extension Application {
    private struct LedgerLogKey: StorageKey { typealias Value = LedgerLog }

    var ledgerLog: LedgerLog {
        get {
            guard let log = storage[LedgerLogKey.self] else { fatalError("configure(_:) sets up the ledger") }
            return log
        }
        set { storage[LedgerLogKey.self] = newValue }
    }
}
