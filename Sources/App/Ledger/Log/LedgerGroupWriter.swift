import AuditLog
import Crypto
import Fluent
import Foundation
import ProcurementLedger
import Vapor

/// One group's transaction: judges each submission on the log as it stands, appends the ones that pass, and keeps
/// the tree state and the procurements it touched in memory until the group commits.
struct LedgerGroupWriter {
    private let db: Database
    private let log: LedgerLog
    private let clock: WallClock
    private let disclosures: @Sendable (UUID, Database) async throws -> Bool
    private let state: LedgerTreeState
    private var range: CompactRange
    private var timelines: [String: ProcurementTimeline] = [:]
    private var keys: [String: LedgerKeyRecord?] = [:]
    /// Rows written when the group commits, many at a time.
    private var entries: [LedgerEntryRecord] = []
    private var tileHashes: [LedgerTileHash] = []
    private var checkpoint: SignedNote?

    init(db: Database, log: LedgerLog, clock: WallClock,
         disclosures: @escaping @Sendable (UUID, Database) async throws -> Bool) async throws {
        self.db = db
        self.log = log
        self.clock = clock
        self.disclosures = disclosures
        (state, range) = try await LedgerTreeState.read(on: db)
    }

    /// Reads the timelines of every procurement the group names in one query, rather than one per entry.
    mutating func prefetch(_ submissions: [LedgerSubmission]) async throws {
        let named = Set(submissions.compactMap { try? LedgerEventSchema.parse($0.event).procurement }).subtracting(timelines.keys)
        guard !named.isEmpty else { return }
        var events: [String: [LedgerEvent]] = [:]
        for chunk in Array(named).chunked(500) {
            let rows = try await LedgerEntryRecord.query(on: db).filter(\.$procurement ~~ chunk).sort(\.$id).all()
            for row in rows {
                guard let entry = LedgerEntry(bytes: Array(row.body)), let event = try? LedgerEventSchema.parse(entry.event) else { continue }
                events[row.procurement, default: []].append(event)
            }
        }
        for procurement in named { timelines[procurement] = ProcurementTimeline(events[procurement] ?? []) }
    }

    /// A refusal belongs to its submission; any other error ends the whole group, which then writes nothing.
    mutating func append(_ submission: LedgerSubmission) async throws -> Result<LedgerReceipt, Error> {
        do {
            return .success(try await admit(submission))
        } catch let refusal as LedgerRefusal {
            return .failure(refusal)
        }
    }

    func finish() async throws {
        guard let checkpoint else { return }
        for start in stride(from: 0, to: entries.count, by: 500) {
            try await Array(entries[start..<min(entries.count, start + 500)]).create(on: db)
        }
        if !tileHashes.isEmpty { try await tileHashes.create(on: db) }
        state.size = Int64(range.size)
        state.peaks = range.peaks.map(\.hex).joined(separator: ",")
        state.checkpoint = checkpoint.serialized
        try await state.save(on: db)
    }

    private mutating func admit(_ submission: LedgerSubmission) async throws -> LedgerReceipt {
        let event = try LedgerEventSchema.parse(submission.event)
        guard !submission.signature.isEmpty else { throw LedgerRefusal.unsigned }
        try await checkKey(submission)
        let now = clock.milliseconds()
        let signer = submission.organisation.lowercased
        var timeline = try await self.timeline(event.procurement)
        let disclosed = try await isDisclosed(event, timeline)
        try LedgerGate.admit(event, signer: signer, nowMs: now, timeline: timeline) { _ in disclosed }
        let entry = LedgerEntry(loggedMs: now, organisation: signer, keyID: submission.keyID,
                                signature: submission.signature, event: submission.event)
        let receipt = try await write(entry, event, organisation: submission.organisation)
        timeline.apply(event)
        timelines[event.procurement] = timeline
        return receipt
    }

    /// The key must be registered to the organisation that claims it, not revoked, and must verify the bytes.
    private mutating func checkKey(_ submission: LedgerSubmission) async throws {
        if keys[submission.keyID] == nil {
            keys[submission.keyID] = try await LedgerKeyRecord.query(on: db).filter(\.$keyID == submission.keyID).first()
        }
        guard let key = keys[submission.keyID] ?? nil,
              key.$organisation.id == submission.organisation,
              let raw = Data(base64Encoded: key.publicKey),
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { throw LedgerRefusal.keyUnknown }
        guard key.revokedAt == nil else { throw LedgerRefusal.keyRevoked }
        guard publicKey.isValidSignature(submission.signature, for: LedgerEntry.signedMessage(event: submission.event)) else {
            throw LedgerRefusal.badSignature
        }
    }

    /// Asked only where it matters: a bid on a gated tender.
    private func isDisclosed(_ event: LedgerEvent, _ timeline: ProcurementTimeline) async throws -> Bool {
        guard case .bid(let supplier, _) = event.body, timeline.tender?.incentive == .gating,
              let organisation = UUID(uuidString: supplier) else { return false }
        return try await disclosures(organisation, db)
    }

    private mutating func timeline(_ procurement: String) async throws -> ProcurementTimeline {
        if let known = timelines[procurement] { return known }
        let rows = try await LedgerEntryRecord.query(on: db).filter(\.$procurement == procurement).sort(\.$id).all()
        let events = rows.compactMap { LedgerEntry(bytes: Array($0.body)).flatMap { try? LedgerEventSchema.parse($0.event) } }
        return ProcurementTimeline(events)
    }

    private mutating func write(_ entry: LedgerEntry, _ event: LedgerEvent, organisation: UUID) async throws -> LedgerReceipt {
        let bytes = entry.bytes
        let leaf = TreeHash.leaf(bytes)
        let index = range.size
        let proof = range.proofForNextLeaf
        let completed = range.append(leaf)
        let record = LedgerEntryRecord()
        record.id = Int64(index)
        record.procurement = event.procurement
        record.kind = event.kind.rawValue
        record.$organisation.id = organisation
        record.keyID = entry.keyID
        record.loggedMs = entry.loggedMs
        record.leafHash = leaf.hex
        record.body = Data(bytes)
        entries.append(record)
        for stored in TileHashes.afterAppending(leaf, at: index, completed: completed) where stored.level > 0 {
            tileHashes.append(LedgerTileHash(level: stored.level, position: stored.position, hash: stored.hash.hex))
        }
        var note = SignedNote(text: TlogCheckpoint(origin: log.origin, treeSize: range.size, rootHash: range.root).text)
        try note.sign(with: log.key, name: log.origin)
        checkpoint = note
        return LedgerReceipt(index: index, leafHash: leaf, loggedMs: entry.loggedMs, checkpoint: note, inclusionProof: proof)
    }
}

extension LedgerTreeState {
    /// The stored state, or an empty log's.
    static func read(on db: Database) async throws -> (LedgerTreeState, CompactRange) {
        let row = try await LedgerTreeState.find(singletonID, on: db) ?? {
            let fresh = LedgerTreeState()
            fresh.id = singletonID
            fresh.size = 0
            fresh.peaks = ""
            fresh.checkpoint = ""
            return fresh
        }()
        guard let range = CompactRange(size: UInt64(row.size), peaks: row.peaks.split(separator: ",").compactMap { TreeHash(hex: String($0)) })
        else { throw Abort(.internalServerError, reason: "the ledger's tree state is corrupt; run `integrity ledger verify`") }
        return (row, range)
    }
}

extension UUID {
    /// How the ledger writes organisation ids: lower case, as in the events organisations sign.
    var lowercased: String { uuidString.lowercased() }
}
