import AuditLog
import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Runs state changes in a database transaction that also appends their audit entries and a signed checkpoint.
final class AuditLogService: Sendable {
    private let signingKey: AuditSigningKey
    private let clock: WallClock
    private let lock = AsyncSerialLock()
    private let commits = NIOLockedValueBox(0)

    init(signingKey: AuditSigningKey, clock: WallClock) {
        self.signingKey = signingKey
        self.clock = clock
    }

    var publicKey: Curve25519.Signing.PublicKey { signingKey.key.publicKey }

    /// Audited transactions this process has committed: every state change is one, so a cache of figures derived
    /// from the database is fresh while this has not moved (and for at most its own age, for other processes' changes).
    var committed: Int { commits.withLockedValue { $0 } }

    struct UnauditedChange: Error, CustomStringConvertible {
        var description: String { "a state-changing transaction finished without an audit entry" }
    }

    /// Do not nest: the work must not start another audited transaction.
    func transaction<T: Sendable>(
        on database: Database, actor: AuditActor, _ work: @escaping @Sendable (AuditScope) async throws -> T
    ) async throws -> T {
        let value = try await lock.withLock {
            try await database.transaction { tx in
                try await Self.lockAcrossProcesses(tx)
                let scope = AuditScope(db: tx, actor: actor, service: self)
                let value = try await work(scope)
                guard scope.recorded > 0 else { throw UnauditedChange() }
                return value
            }
        }
        commits.withLockedValue { $0 += 1 }
        return value
    }

    /// Thrown by work that finds, inside the transaction, that there is nothing to do (an identical repeat, a step
    /// another request took first): nothing is written and `transactionIfChanged` returns nil.
    struct NothingToChange: Error {}

    /// A transaction whose work may end in `NothingToChange`; nil then.
    func transactionIfChanged<T: Sendable>(
        on database: Database, actor: AuditActor, _ work: @escaping @Sendable (AuditScope) async throws -> T
    ) async throws -> T? {
        do {
            return try await transaction(on: database, actor: actor, work)
        } catch is NothingToChange {
            return nil
        }
    }

    /// PostgreSQL may have several app processes; an advisory lock serialises their appends too. On SQLite the
    /// transaction takes the write lock with its first statement: one that read first and wrote later would be
    /// refused (`database is locked`) by a concurrent plain write, such as a session update, instead of waiting.
    private static func lockAcrossProcesses(_ db: Database) async throws {
        let sql = db.sql
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7310942)").run()
        } else {
            try await sql.raw("UPDATE \(unsafeRaw: AuditTreeState.schema) SET size = size WHERE 1 = 0").run()
        }
    }

    fileprivate func append(
        on db: Database, actor: AuditActor, action: AuditAction, subject: AuditSubject, reason: String,
        changes: [String: String]
    ) async throws {
        var tree = try await TreeState.read(on: db)
        let planned = PlannedAuditEntry(actor: actor, action: action, subject: subject, reason: reason, changes: changes,
                                        timestampMs: clock.milliseconds())
        let (entry, checkpoint) = try sign(planned, onto: &tree.range)
        try await entry.create(on: db)
        try await checkpoint.create(on: db)
        try await tree.save(on: db)
    }

    /// Appends history written elsewhere (`integrity generate-load`) in one transaction: the same leaves and signed
    /// checkpoints as one transaction per entry, inserted many rows at a time.
    func appendInBulk(on database: Database, _ planned: [PlannedAuditEntry]) async throws {
        try await lock.withLock {
            try await database.transaction { tx in
                try await Self.lockAcrossProcesses(tx)
                var tree = try await TreeState.read(on: tx)
                var entries: [AuditEntryRecord] = [], checkpoints: [AuditCheckpointRecord] = []
                for entry in planned {
                    let (record, checkpoint) = try self.sign(entry, onto: &tree.range)
                    entries.append(record)
                    checkpoints.append(checkpoint)
                }
                for start in stride(from: 0, to: entries.count, by: 1_000) {
                    try await Array(entries[start..<min(entries.count, start + 1_000)]).create(on: tx)
                    try await Array(checkpoints[start..<min(checkpoints.count, start + 1_000)]).create(on: tx)
                }
                try await tree.save(on: tx)
            }
        }
    }

    private func sign(_ planned: PlannedAuditEntry, onto range: inout CompactRange) throws -> (AuditEntryRecord, AuditCheckpointRecord) {
        let entry = AuditEntry(
            sequence: range.size, timestampMs: planned.timestampMs, actor: planned.actor.identifier, action: planned.action.rawValue,
            subjectType: planned.subject.type, subjectID: planned.subject.id, reason: planned.reason,
            changeDigest: ChangeDigest.of(planned.changes))
        range.append(entry.leafHash)
        let checkpoint = try Checkpoint.sign(treeSize: range.size, rootHash: range.root, timestampMs: planned.timestampMs, with: signingKey.key)
        return (AuditEntryRecord(entry, changedFields: planned.changes.keys.sorted()), AuditCheckpointRecord(checkpoint, keyID: publicKey.keyID))
    }

    /// The stored compact range: the tree's size and peaks, so an append never rereads history.
    private struct TreeState {
        let row: AuditTreeState
        var range: CompactRange

        static func read(on db: Database) async throws -> TreeState {
            let row = try await AuditTreeState.find(AuditTreeState.singletonID, on: db) ?? {
                let fresh = AuditTreeState()
                fresh.id = AuditTreeState.singletonID
                fresh.size = 0
                fresh.peaks = ""
                return fresh
            }()
            guard let range = CompactRange(size: UInt64(row.size), peaks: row.peaks.split(separator: ",").compactMap { TreeHash(hex: String($0)) })
            else { throw Abort(.internalServerError, reason: "the audit tree state is corrupt; run `integrity audit verify`") }
            return TreeState(row: row, range: range)
        }

        func save(on db: Database) async throws {
            row.size = Int64(range.size)
            row.peaks = range.peaks.map(\.hex).joined(separator: ",")
            try await row.save(on: db)
        }
    }
}

/// An entry to append: what `AuditScope.record` takes, with its time.
struct PlannedAuditEntry: Sendable {
    let actor: AuditActor
    let action: AuditAction
    let subject: AuditSubject
    var reason = ""
    let changes: [String: String]
    let timestampMs: Int64
}

/// The handle a unit of work uses to write and to record what it did.
final class AuditScope: Sendable {
    let db: Database
    let actor: AuditActor
    private let service: AuditLogService
    private let count = NIOLockedValueBox(0)

    fileprivate init(db: Database, actor: AuditActor, service: AuditLogService) {
        self.db = db
        self.actor = actor
        self.service = service
    }

    var recorded: Int { count.withLockedValue { $0 } }

    /// `changes` are hashed into the leaf; only their field names are kept in the row.
    func record(_ action: AuditAction, _ subject: AuditSubject, reason: String = "", changes: [String: String] = [:]) async throws {
        try await service.append(on: db, actor: actor, action: action, subject: subject, reason: reason, changes: changes)
        count.withLockedValue { $0 += 1 }
    }
}

extension AuditEntryRecord {
    convenience init(_ entry: AuditEntry, changedFields: [String]) {
        self.init()
        id = Int(entry.sequence)
        timestampMs = entry.timestampMs
        actor = entry.actor
        action = entry.action
        subjectType = entry.subjectType
        subjectID = entry.subjectID
        reason = entry.reason
        changeDigest = entry.changeDigest.hex
        self.changedFields = changedFields.joined(separator: ",")
    }
}

extension AuditCheckpointRecord {
    convenience init(_ checkpoint: Checkpoint, keyID: String) {
        self.init()
        id = Int(checkpoint.treeSize)
        rootHash = checkpoint.rootHash.hex
        timestampMs = checkpoint.timestampMs
        signature = Data(checkpoint.signature).base64EncodedString()
        self.keyID = keyID
    }
}

extension Application {
    private struct AuditLogKey: StorageKey { typealias Value = AuditLogService }

    var auditLog: AuditLogService {
        get {
            guard let service = storage[AuditLogKey.self] else { fatalError("configure(_:) sets up the audit log") }
            return service
        }
        set { storage[AuditLogKey.self] = newValue }
    }
}

extension Request {
    /// Runs `work` as the signed-in person (or anonymously) in one audited transaction.
    func audited<T: Sendable>(_ work: @escaping @Sendable (AuditScope) async throws -> T) async throws -> T {
        try await application.auditLog.transaction(on: db, actor: auditActor, work)
    }

    /// As `audited`, but `work` may throw `AuditLogService.NothingToChange` to leave the log as it was; nil then.
    func auditedIfChanged<T: Sendable>(_ work: @escaping @Sendable (AuditScope) async throws -> T) async throws -> T? {
        try await application.auditLog.transactionIfChanged(on: db, actor: auditActor, work)
    }

    private var auditActor: AuditActor { auth.get(User.self).flatMap(\.id).map(AuditActor.user) ?? .anonymous }
}
