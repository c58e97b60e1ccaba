import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Imports OCDS processes and BODS statements for conflict screening, then re-checks every match whose due diligence
/// was cleared, since new data can raise a signal the decision never weighed. A file with any problem writes nothing;
/// a good one is stored in short audited batches, so that no other writer waits behind a large file.
struct ConflictDataImportService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer

    struct Outcome: Sendable {
        let dataImport: DataImport
        /// Matches whose cleared due diligence the new data reopened.
        let reopened: Int
    }

    /// The file had problems; nothing was written.
    struct Refusal: Error {
        let problems: [DataFileProblem]
    }

    /// `dryRun` reads and checks everything and writes nothing.
    func importFile(_ kind: DataImport.Kind, text: String, fileName: String, actor: AuditActor, userID: UUID?,
                    dryRun: Bool = false) async throws -> Outcome {
        let parsed = Parsed(kind, text)
        guard parsed.problems.isEmpty else { throw Refusal(problems: parsed.problems) }
        let record = DataImport(id: UUID(), kind: kind, fileName: String(fileName.suffix(200)), items: parsed.items,
                                rows: parsed.rows, importedBy: userID, now: clock.now())
        guard !dryRun else {
            record.id = nil
            return Outcome(dataImport: record, reopened: 0)
        }
        try await audit.transaction(on: db, actor: actor) { scope in
            try await record.create(on: scope.db)
            try await scope.record(.conflictDataImport, .dataImport(record.id!),
                                   changes: ["kind": kind.rawValue, "items": String(parsed.items), "rows": String(parsed.rows)])
        }
        for batch in parsed.partyBatches { try await storeParties(batch, importID: record.id!, actor: actor) }
        for (nodes, links) in parsed.ownershipBatches { try await storeOwnership(nodes, links, importID: record.id!, actor: actor) }
        return Outcome(dataImport: record, reopened: try await recheckClearedMatches(trigger: "\(kind.rawValue) import"))
    }

    /// One batch of a streamed OCDS import in its own short audited transaction, so no writer waits long behind a
    /// large file: a process imported again replaces what an earlier import said about it.
    func storeParties(_ parties: [ProcurementParty], importID: UUID, actor: AuditActor) async throws {
        guard !parties.isEmpty else { return }
        try await audit.transaction(on: db, actor: actor) { scope in
            let ocids = Set(parties.map(\.ocid)).sorted()
            for batch in ocids.chunked(500) { try await ProcurementPartyRecord.query(on: scope.db).filter(\.$ocid ~~ batch).delete() }
            for batch in parties.map({ ProcurementPartyRecord($0, importID: importID) }).chunked(200) { try await batch.create(on: scope.db) }
            try await scope.record(.conflictDataImportBatch, .dataImport(importID),
                                   changes: ["processes": String(ocids.count), "rows": String(parties.count)])
        }
    }

    /// One batch of BODS nodes and links, each replacing what an earlier import said about the same record.
    private func storeOwnership(_ nodes: [OwnershipNode], _ links: [OwnershipLink], importID: UUID, actor: AuditActor) async throws {
        try await audit.transaction(on: db, actor: actor) { scope in
            for keys in nodes.map(\.id).chunked(500) { try await OwnershipNodeRecord.query(on: scope.db).filter(\.$nodeKey ~~ keys).delete() }
            for ids in links.map(\.id).chunked(500) { try await OwnershipLinkRecord.query(on: scope.db).filter(\.$statementID ~~ ids).delete() }
            for batch in nodes.map({ OwnershipNodeRecord($0, importID: importID) }).chunked(200) { try await batch.create(on: scope.db) }
            for batch in links.map({ OwnershipLinkRecord($0, importID: importID) }).chunked(200) { try await batch.create(on: scope.db) }
            try await scope.record(.conflictDataImportBatch, .dataImport(importID),
                                   changes: ["nodes": String(nodes.count), "links": String(links.count)])
        }
    }

    func recheckClearedMatches(trigger: String) async throws -> Int {
        let cleared = try await Engagement.query(on: db)
            .filter(\.$dueDiligence ~~ [.cleared, .mitigated])
            .filter(\.$stage !~ [.closed, .cancelled])
            .all()
        let service = DueDiligenceService(db: db, audit: audit, clock: clock, mailer: mailer)
        var reopened = 0
        for engagement in cleared where try await service.recheck(try await ProposedMatches.loaded(engagement, on: db), trigger: trigger) {
            reopened += 1
        }
        return reopened
    }

    /// A file read into rows, before anything is written.
    private struct Parsed {
        var items = 0
        var problems: [DataFileProblem] = []
        var parties: [ProcurementParty] = []
        var nodes: [OwnershipNode] = []
        var links: [OwnershipLink] = []

        var rows: Int { parties.count + nodes.count + links.count }

        init(_ kind: DataImport.Kind, _ text: String) {
            switch kind {
            case .ocds:
                let result = OCDSParties.read(text)
                (items, problems, parties) = (result.processes, result.problems, result.parties)
            case .bods:
                let result = BODSStatements.read(text)
                (items, problems, nodes, links) = (result.statements, result.problems, result.nodes, result.links)
            }
        }

        /// Rows per audited batch: a short transaction, a few hundred inserts.
        static let batch = 2_000

        /// Parties in batches that never split a process, since a batch replaces whole processes.
        var partyBatches: [[ProcurementParty]] {
            var batches: [[ProcurementParty]] = [], current: [ProcurementParty] = []
            for process in Dictionary(grouping: parties, by: \.ocid).sorted(by: { $0.key < $1.key }) {
                if !current.isEmpty && current.count + process.value.count > Self.batch { batches.append(current); current = [] }
                current += process.value
            }
            return current.isEmpty ? batches : batches + [current]
        }

        /// The newest statement about each node and link, in batches.
        var ownershipBatches: [([OwnershipNode], [OwnershipLink])] {
            let nodes = latest(self.nodes, by: \.id).chunked(Self.batch), links = latest(self.links, by: \.id).chunked(Self.batch)
            return (0..<max(nodes.count, links.count)).map { (nodes.indices.contains($0) ? nodes[$0] : [], links.indices.contains($0) ? links[$0] : []) }
        }

        /// Later statements about the same record win, as BODS 0.4 publishes updates.
        private func latest<T>(_ items: [T], by key: (T) -> String) -> [T] {
            var seen = Set<String>()
            return items.reversed().filter { seen.insert(key($0)).inserted }.reversed()
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Request {
    var conflictData: ConflictDataImportService {
        ConflictDataImportService(db: db, audit: application.auditLog, clock: application.clock, mailer: application.mailer)
    }
}

extension Application {
    var conflictData: ConflictDataImportService {
        ConflictDataImportService(db: db, audit: auditLog, clock: clock, mailer: mailer)
    }
}
