import AuditLog
import Crypto
import Fluent
import Foundation
import SQLKit

/// Reads the stored log back as leaves and checkpoints, for proofs and verification. Rows are read as plain columns
/// rather than models: a verification reads a million of each.
struct AuditLogReader {
    let db: Database

    /// Rows per query while the whole log is replayed: a few megabytes at a time.
    static let slice = 20_000

    enum ReadError: Error, CustomStringConvertible {
        case unreadableEntry(sequence: Int)
        case unreadableCheckpoint(treeSize: Int)

        var description: String {
            switch self {
            case .unreadableEntry(let s): "entry #\(s) has a column that cannot form a leaf (the row was altered)"
            case .unreadableCheckpoint(let s): "checkpoint at tree size \(s) cannot be parsed (the row was altered)"
            }
        }
    }

    func entries(from start: Int = 0, below end: Int? = nil) async throws -> [AuditEntry] {
        var query = db.sql.select()
            .columns("sequence", "timestamp_ms", "actor", "action", "subject_type", "subject_id", "reason", "change_digest")
            .from(AuditEntryRecord.schema).where("sequence", .greaterThanOrEqual, start)
        if let end { query = query.where("sequence", .lessThan, end) }
        return try await query.orderBy("sequence").all().map(Self.entry)
    }

    func checkpoints(sizes: ClosedRange<Int>) async throws -> [Checkpoint] {
        try await checkpointQuery().where("tree_size", .greaterThanOrEqual, sizes.lowerBound)
            .where("tree_size", .lessThanOrEqual, sizes.upperBound).orderBy("tree_size").all().map(Self.checkpoint)
    }

    func latestCheckpoint() async throws -> Checkpoint? {
        try await checkpointQuery().orderBy("tree_size", .descending).limit(1).first().map(Self.checkpoint)
    }

    func checkpoint(size: Int) async throws -> Checkpoint? {
        try await checkpointQuery().where("tree_size", .equal, size).first().map(Self.checkpoint)
    }

    /// Entries in the log, from the tree state every append updates in its transaction: counting a million rows
    /// on each request would not do.
    func size() async throws -> Int {
        Int(try await AuditTreeState.find(AuditTreeState.singletonID, on: db)?.size ?? 0)
    }

    func leafHashes(upTo size: Int) async throws -> [TreeHash] {
        try await entries(below: size).map(\.leafHash)
    }

    /// Replays the log slice by slice against its checkpoints; see `LogVerifier`.
    func verify(publicKey: Curve25519.Signing.PublicKey, checking: LogVerifier.Checkpoints) async throws
        -> Result<LogVerifier.Summary, LogVerifier.Failure>
    {
        var replay = LogVerifier.Replay(publicKey: publicKey, checking: checking)
        var start = 0
        while true {
            let entries = try await entries(from: start, below: start + Self.slice)
            guard !entries.isEmpty else { break }
            let checkpoints = checking == .every ? try await checkpoints(sizes: (start + 1)...(start + Self.slice)) : []
            if let failure = replay.feed(entries, checkpoints: checkpoints) { return .failure(failure) }
            start += Self.slice
        }
        return replay.finish(try await storedCheckpoints())
    }

    private func storedCheckpoints() async throws -> LogVerifier.StoredCheckpoints {
        let extent = try await db.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("min", args: SQLColumn("tree_size")), as: "smallest")
            .column(SQLFunction("max", args: SQLColumn("tree_size")), as: "largest")
            .from(AuditCheckpointRecord.schema).first()
        let largest = try extent?.decode(column: "largest", as: Int?.self)
        let newest = if let largest { try await checkpoints(sizes: largest...largest) } else { [Checkpoint]() }
        return LogVerifier.StoredCheckpoints(
            count: try extent?.decode(column: "n", as: Int.self) ?? 0,
            smallest: try extent?.decode(column: "smallest", as: Int?.self).map(UInt64.init),
            largest: largest.map(UInt64.init),
            newest: newest)
    }

    private func checkpointQuery() -> SQLSelectBuilder {
        db.sql.select().columns("tree_size", "root_hash", "timestamp_ms", "signature").from(AuditCheckpointRecord.schema)
    }

    private static func entry(_ row: SQLRow) throws -> AuditEntry {
        let sequence = try row.decode(column: "sequence", as: Int.self)
        guard let digest = TreeHash(hex: try row.decode(column: "change_digest", as: String.self)) else {
            throw ReadError.unreadableEntry(sequence: sequence)
        }
        return AuditEntry(
            sequence: UInt64(sequence), timestampMs: try row.decode(column: "timestamp_ms", as: Int64.self),
            actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
            subjectType: try row.decode(column: "subject_type", as: String.self),
            subjectID: try row.decode(column: "subject_id", as: String.self),
            reason: try row.decode(column: "reason", as: String.self), changeDigest: digest)
    }

    private static func checkpoint(_ row: SQLRow) throws -> Checkpoint {
        let size = try row.decode(column: "tree_size", as: Int.self)
        guard let root = TreeHash(hex: try row.decode(column: "root_hash", as: String.self)),
              let signature = Data(base64Encoded: try row.decode(column: "signature", as: String.self))
        else { throw ReadError.unreadableCheckpoint(treeSize: size) }
        return Checkpoint(treeSize: UInt64(size), rootHash: root, timestampMs: try row.decode(column: "timestamp_ms", as: Int64.self),
                          signature: Array(signature))
    }
}
