import AuditLog
import ExchangeCore
import Foundation
import Vapor

/// The audit log for third parties: checkpoints and proofs are public (they hold only hashes) and
/// verifiable with the public key alone; entry contents are for programme staff.
struct APIAuditController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIAuditRoute.publicKey, use: publicKey)
        routes.on(APIAuditRoute.checkpoint, use: checkpoint)
        routes.on(APIAuditRoute.inclusion, use: inclusion)
        routes.on(APIAuditRoute.consistency, use: consistency)
        routes.on(APIAuditRoute.entries, use: entries)
    }

    struct PublicKeyDTO: Content {
        let algorithm: String
        let keyID: String
        /// Raw 32-byte Ed25519 key, base64.
        let publicKey: String
    }

    struct CheckpointDTO: Content {
        let treeSize: UInt64
        let rootHash: String
        let timestampMs: Int64
        let signature: String
        let keyID: String
        /// Exactly the bytes that were signed.
        let signedBody: String

        init(_ c: Checkpoint, keyID: String) {
            treeSize = c.treeSize
            rootHash = c.rootHash.base64
            timestampMs = c.timestampMs
            signature = Data(c.signature).base64EncodedString()
            self.keyID = keyID
            signedBody = String(decoding: c.signedBody, as: UTF8.self)
        }
    }

    struct EntryDTO: Content {
        let sequence: UInt64
        let timestampMs: Int64
        let actor: String
        let action: String
        let subjectType: String
        let subjectID: String
        let reason: String
        let changeDigest: String
        /// The canonical leaf bytes (base64) and their RFC 9162 leaf hash (base64).
        let leaf: String
        let leafHash: String

        init(_ e: AuditEntry) {
            sequence = e.sequence
            timestampMs = e.timestampMs
            actor = e.actor
            action = e.action
            subjectType = e.subjectType
            subjectID = e.subjectID
            reason = e.reason
            changeDigest = e.changeDigest.hex
            leaf = Data(e.canonicalBytes).base64EncodedString()
            leafHash = e.leafHash.base64
        }
    }

    struct InclusionDTO: Content {
        let leafIndex: Int
        let treeSize: Int
        let leafHash: String
        let path: [String]
    }

    struct ConsistencyDTO: Content {
        let first: Int
        let second: Int
        let proof: [String]
    }

    @Sendable func publicKey(req: Request) async throws -> PublicKeyDTO {
        let key = req.application.auditLog.publicKey
        return PublicKeyDTO(algorithm: "Ed25519", keyID: key.keyID, publicKey: key.rawRepresentation.base64EncodedString())
    }

    @Sendable func checkpoint(req: Request) async throws -> CheckpointDTO {
        let reader = AuditLogReader(db: req.db)
        let size = try req.query.get(Int?.self, at: "treeSize")
        let found = if let size { try await reader.checkpoint(size: size) } else { try await reader.latestCheckpoint() }
        guard let found else { throw AppError.notFound }
        return CheckpointDTO(found, keyID: req.application.auditLog.publicKey.keyID)
    }

    @Sendable func entries(req: Request) async throws -> PageDTO<EntryDTO> {
        try req.authorize(.read, .auditLog)
        let start = try req.query.get(Int?.self, at: "start") ?? 0
        let end = try req.query.get(Int?.self, at: "end") ?? (start + 100)
        var v = ExchangeCore.Validator()
        if start < 0 { v.add("start", .invalidChoice) }
        if end <= start || end - start > 1000 { v.add("end", .invalidChoice) }
        guard v.isValid else { throw AppError.validation(v.errors) }
        let items = try await AuditLogReader(db: req.db).entries(from: start, below: end).map(EntryDTO.init)
        let total = try await AuditLogReader(db: req.db).size()
        return PageDTO(items: items, page: 1, perPage: end - start, total: total)
    }

    @Sendable func inclusion(req: Request) async throws -> InclusionDTO {
        let index = try req.query.get(Int?.self, at: "leafIndex")
        let size = try req.query.get(Int?.self, at: "treeSize")
        let logSize = try await AuditLogReader(db: req.db).size()
        var v = ExchangeCore.Validator()
        if index == nil { v.add("leafIndex", .required) }
        if size == nil { v.add("treeSize", .required) }
        if let index, let size, index < 0 || index >= size { v.add("leafIndex", .invalidChoice) }
        if let size, size < 1 || size > logSize { v.add("treeSize", .invalidChoice) }
        guard v.isValid, let index, let size else { throw AppError.validation(v.errors) }
        let leaves = try await AuditLogReader(db: req.db).leafHashes(upTo: size)
        let path = try MerkleTree.inclusionProof(index: index, leaves: leaves[...])
        return InclusionDTO(leafIndex: index, treeSize: size, leafHash: leaves[index].base64, path: path.map(\.base64))
    }

    @Sendable func consistency(req: Request) async throws -> ConsistencyDTO {
        let first = try req.query.get(Int?.self, at: "first")
        let second = try req.query.get(Int?.self, at: "second")
        let logSize = try await AuditLogReader(db: req.db).size()
        var v = ExchangeCore.Validator()
        if first == nil { v.add("first", .required) }
        if second == nil { v.add("second", .required) }
        if let first, first < 1 { v.add("first", .invalidChoice) }
        if let first, let second, second < first || second > logSize { v.add("second", .invalidChoice) }
        guard v.isValid, let first, let second else { throw AppError.validation(v.errors) }
        let leaves = try await AuditLogReader(db: req.db).leafHashes(upTo: second)
        let proof = try MerkleTree.consistencyProof(from: first, leaves: leaves[...])
        return ConsistencyDTO(first: first, second: second, proof: proof.map(\.base64))
    }
}
