import AuditLog
import Fluent
import Foundation
import SQLKit

/// Reads the ledger as a C2SP tiled log: the newest checkpoint with the witnesses' cosignatures, hash tiles and
/// entry bundles. Every tile is a range of stored rows; a tile beyond the log is nil (404).
struct LedgerTileReader {
    let db: Database

    /// The newest checkpoint, signed by the log, with each registered witness's cosignature of that exact size.
    func checkpoint() async throws -> SignedNote? {
        let (state, _) = try await LedgerTreeState.read(on: db)
        guard !state.checkpoint.isEmpty, var note = try? SignedNote.parse(state.checkpoint) else { return nil }
        note.signatures += try await cosignatures(treeSize: state.size)
        return note
    }

    func cosignatures(treeSize: Int64) async throws -> [SignedNote.Signature] {
        let lines = try await LedgerCosignatureRecord.query(on: db).filter(\.$treeSize == treeSize).sort(\.$cosignedAt).all()
        return lines.compactMap { try? SignedNote.parse("x\n\n\($0.signatureLine)\n").signatures.first }
    }

    func size() async throws -> UInt64 {
        UInt64(try await LedgerTreeState.read(on: db).0.size)
    }

    /// The tile's bytes: 32 bytes per hash, or length-prefixed entries for a bundle.
    func tile(_ address: TileAddress) async throws -> [UInt8]? {
        let size = try await self.size()
        let available = size >> (8 * UInt64(address.level ?? 0))
        guard address.index * 256 + UInt64(address.count) <= available else { return nil }
        let first = Int64(address.index * 256), end = first + Int64(address.count)
        switch address.level {
        case nil:
            let rows = try await LedgerEntryRecord.query(on: db).filter(\.$id >= first).filter(\.$id < end).sort(\.$id).all()
            return EntryBundle.encode(rows.map { Array($0.body) })
        case 0:
            let rows = try await LedgerEntryRecord.query(on: db).filter(\.$id >= first).filter(\.$id < end).sort(\.$id)
                .field(\.$id).field(\.$leafHash).all()
            return rows.flatMap { TreeHash(hex: $0.leafHash)?.bytes ?? [] }
        case let level?:
            let rows = try await LedgerTileHash.query(on: db).filter(\.$level == level)
                .filter(\.$position >= first).filter(\.$position < end).sort(\.$position).all()
            return rows.flatMap { TreeHash(hex: $0.hash)?.bytes ?? [] }
        }
    }

    func withTree<T>(size: UInt64, _ body: (inout TiledTree) throws -> T) async throws -> T {
        try await TiledTree.withTiles(size: size, fetch: { TiledTree.hashes(try await tile($0) ?? []) ?? [] }, body)
    }

    /// The checkpoint text the log signed, or would sign, at `size`: C2SP checkpoints carry no time, so it is the same.
    func checkpointText(size: UInt64, origin: String) async throws -> String {
        let root = try await withTree(size: size) { try $0.root() }
        return TlogCheckpoint(origin: origin, treeSize: size, rootHash: root).text
    }

    /// One entry, for the ledger's pages and an inclusion proof.
    func entry(_ index: Int64) async throws -> LedgerEntryRecord? {
        try await LedgerEntryRecord.find(index, on: db)
    }
}

