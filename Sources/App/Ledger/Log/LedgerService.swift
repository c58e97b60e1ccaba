import AuditLog
import Fluent
import Foundation
import ProcurementLedger

/// Appending to the ledger and reading it back by entry and by procurement.
struct LedgerService: Sendable {
    let db: Database
    let log: LedgerLog
    let clock: WallClock

    func append(_ input: LedgerSubmissionInput) async throws -> LedgerReceipt {
        guard !input.signature.isEmpty else { throw LedgerRefusal.unsigned }
        guard let signature = Data(base64Encoded: input.signature) else { throw LedgerRefusal.badSignature }
        let submission = LedgerSubmission(organisation: input.organisation, keyID: input.keyID, signature: Array(signature),
                                          event: Array(input.event.utf8))
        return try await log.append(submission, on: db, clock: clock) { organisation, db in
            try await SupplierDisclosure.exists(for: organisation, on: db)
        }
    }

    /// An entry with its inclusion proof in the log as it is now.
    func entry(_ index: Int64) async throws -> (LedgerEntryRecord, UInt64, [TreeHash])? {
        let reader = LedgerTileReader(db: db)
        guard index >= 0, let record = try await reader.entry(index) else { return nil }
        let size = try await reader.size()
        let proof = try await reader.withTree(size: size) { try $0.inclusionProof(index: UInt64(index)) }
        return (record, size, proof)
    }

    func procurement(_ id: String) async throws -> LedgerProcurement? {
        let records = try await LedgerEntryRecord.query(on: db).filter(\.$procurement == id).sort(\.$id).all()
        return LedgerProcurement(records)
    }

    /// Every procurement, newest tender first.
    func procurements() async throws -> [LedgerProcurement] {
        let records = try await LedgerEntryRecord.query(on: db).sort(\.$id).all()
        let grouped = Dictionary(grouping: records, by: \.procurement)
        return grouped.values.compactMap(LedgerProcurement.init).sorted { $0.firstIndex > $1.firstIndex }
    }
}

/// One procurement as the ledger tells it: its entries in order and the timeline they fold into.
struct LedgerProcurement: Sendable {
    struct Event: Sendable {
        let record: LedgerEntryRecord
        let event: LedgerEvent
    }

    let id: String
    let tender: Tender
    let timeline: ProcurementTimeline
    let events: [Event]
    let firstIndex: Int64

    init?(_ records: [LedgerEntryRecord]) {
        let events = records.compactMap { record -> Event? in
            guard let entry = LedgerEntry(bytes: Array(record.body)), let event = try? LedgerEventSchema.parse(entry.event) else { return nil }
            return Event(record: record, event: event)
        }
        let timeline = ProcurementTimeline(events.map(\.event))
        guard let first = events.first, let tender = timeline.tender else { return nil }
        id = first.event.procurement
        self.tender = tender
        self.timeline = timeline
        self.events = events
        firstIndex = first.record.id ?? 0
    }
}
