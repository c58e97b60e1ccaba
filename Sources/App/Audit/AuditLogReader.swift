import AuditLog
import Fluent
import Foundation

/// Reads the stored log back as leaves and checkpoints, for proofs and verification.
struct AuditLogReader {
    let db: Database

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
        var query = AuditEntryRecord.query(on: db).filter(\.$id >= start).sort(\.$id)
        if let end { query = query.filter(\.$id < end) }
        return try await query.all().map { record in
            guard let entry = record.entry else { throw ReadError.unreadableEntry(sequence: record.id ?? -1) }
            return entry
        }
    }

    func checkpoints() async throws -> [Checkpoint] {
        try await AuditCheckpointRecord.query(on: db).sort(\.$id).all().map { record in
            guard let checkpoint = record.checkpoint else { throw ReadError.unreadableCheckpoint(treeSize: record.id ?? -1) }
            return checkpoint
        }
    }

    func latestCheckpoint() async throws -> Checkpoint? {
        try await AuditCheckpointRecord.query(on: db).sort(\.$id, .descending).first()?.checkpoint
    }

    func checkpoint(size: Int) async throws -> Checkpoint? {
        try await AuditCheckpointRecord.find(size, on: db)?.checkpoint
    }

    func leafHashes(upTo size: Int) async throws -> [TreeHash] {
        try await entries(below: size).map(\.leafHash)
    }
}
