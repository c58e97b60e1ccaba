import AuditLog
import Foundation

/// The public ledger: its newest checkpoint and how to verify it, and every procurement it holds.
struct LedgerIndexPage: PageModel {
    static let template = "ledger"
    let titleKey = "ledger.title"

    struct Row: Encodable, Sendable, Equatable {
        let title: String
        let href: String
        let procurement: String
        let buyer: String
        let incentive: String
        let deadline: String
        let stage: String
    }

    struct CheckpointSummary: Encodable, Sendable, Equatable {
        let size: String
        let rootHash: String
        let witnesses: String
        let checkpointHref: String
        let latestTileHref: String
    }

    let checkpoint: CheckpointSummary?
    let rows: [Row]

    init(checkpoint: TlogCheckpoint?, witnesses: [String], procurements: [LedgerProcurement], names: [UUID: String],
         text: some Translating) {
        let words = LedgerText(text: text)
        self.checkpoint = checkpoint.map { checkpoint in
            let tiles = TileAddress.tiles(level: 0, treeSize: checkpoint.treeSize)
            return CheckpointSummary(
                size: text.number(Int(checkpoint.treeSize)), rootHash: checkpoint.rootHash.hex,
                witnesses: witnesses.isEmpty ? text.t("ledger.no_witnesses") : witnesses.joined(separator: ", "),
                checkpointHref: LedgerRoute.checkpoint.link(), latestTileHref: tiles.last.map(LedgerText.tileHref) ?? LedgerRoute.checkpoint.link())
        }
        rows = procurements.map { procurement in
            Row(title: procurement.tender.title, href: LedgerRoute.procurement.link(procurement.id), procurement: procurement.id,
                buyer: UUID(uuidString: procurement.tender.buyer).flatMap { names[$0] } ?? procurement.tender.buyer,
                incentive: words.incentive(procurement.tender.incentive), deadline: words.time(procurement.tender.deadlineMs),
                stage: words.stage(procurement.timeline))
        }
    }
}
