import ExchangeCore
import Fluent
import Foundation
import RedFlags
import Vapor

/// Imports OCDS processes and BODS statements for conflict screening, then re-checks every match whose due diligence
/// was cleared, since new data can raise a signal the decision never weighed. The file is read from disk a piece at
/// a time, so memory does not grow with it. A file with any problem writes nothing; a good one is stored in short
/// audited batches, so that no other writer waits behind a large file.
struct ConflictDataImportService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer
    let threadPool: NIOThreadPool
    /// Bytes of the file read at a time; tests make it small to cross pieces.
    var pieceSize = 1 << 20

    struct Outcome: Sendable {
        let dataImport: DataImport
        /// Matches whose cleared due diligence the new data reopened.
        let reopened: Int
        /// The same file from the same person a moment ago: that import, not a new one.
        var isRepeat = false
    }

    /// The file had problems; nothing was written. `problems` holds the first `keptProblems`, `count` all of them.
    struct Refusal: Error {
        let problems: [DataFileProblem]
        let count: Int
    }

    static let keptProblems = 1_000

    /// Where the messages of a refused file are worded (`conflict_data.error.…`).
    static let namespace = "conflict_data"

    /// An import of the same bytes by the same person this recently is the same import (a double click, a retry).
    /// Imports from the command line have no person and are always made.
    static let sameImportWindow: TimeInterval = 10 * 60

    /// Reads the file on disk twice, a piece at a time: first to check all of it (a file with any problem writes
    /// nothing), then to store it in short audited batches. `dryRun` only checks. The caller removes the file.
    func importFile(_ kind: DataImport.Kind, file: URL, digest: String, fileName: String, actor: AuditActor, userID: UUID?,
                    dryRun: Bool = false) async throws -> Outcome {
        let checked = try await check(kind, file)
        guard checked.count == 0 else { throw Refusal(problems: checked.problems, count: checked.count) }
        let record = DataImport(id: UUID(), kind: kind, fileName: String(fileName.suffix(200)), items: checked.items,
                                rows: checked.rows, importedBy: userID, now: clock.now())
        record.digest = digest
        guard !dryRun else {
            record.id = nil
            return Outcome(dataImport: record, reopened: 0)
        }
        let created: Void? = try await audit.transactionIfChanged(on: db, actor: actor) { scope in
            // Decided here, under the log's lock: of two uploads of one file by one person, the second finds the first.
            if let userID, try await Self.sameImport(digest, by: userID, since: record.createdAt.addingTimeInterval(-Self.sameImportWindow),
                                                     on: scope.db) != nil {
                throw AuditLogService.NothingToChange()
            }
            try await record.create(on: scope.db)
            try await scope.record(.conflictDataImport, .dataImport(record.requireID()),
                                   changes: ["kind": kind.rawValue, "items": String(checked.items), "rows": String(checked.rows)])
        }
        guard created != nil else {
            guard let userID, let earlier = try await Self.sameImport(digest, by: userID, since: .distantPast, on: db) else {
                throw AppError.conflict(code: "conflict_data_same_import")
            }
            return Outcome(dataImport: earlier, reopened: 0, isRepeat: true)
        }
        try await store(kind, file, importID: record.requireID(), actor: actor)
        return Outcome(dataImport: record, reopened: try await recheckClearedMatches(trigger: "\(kind.rawValue) import"))
    }

    private static func sameImport(_ digest: String, by userID: UUID, since: Date, on db: Database) async throws -> DataImport? {
        try await DataImport.query(on: db).filter(\.$digest == digest).filter(\.$importedBy == userID)
            .filter(\.$createdAt >= since).sort(\.$createdAt, .descending).first()
    }

    private struct Checked {
        var items = 0
        var rows = 0
        var problems: [DataFileProblem] = []
        var count = 0
    }

    /// Every piece parsed and counted; only the problems are kept.
    private func check(_ kind: DataImport.Kind, _ file: URL) async throws -> Checked {
        var checked = Checked()
        try await forEachPiece(kind, file) { parsed, _ in
            checked.items += parsed.items
            checked.rows += parsed.rows
            checked.count += parsed.problems.count
            checked.problems += parsed.problems.prefix(Self.keptProblems - checked.problems.count)
        }
        if checked.items == 0 && checked.count == 0 {
            checked.problems = [DataFileProblem(line: 0, kind: .empty)]
            checked.count = 1
        }
        return checked
    }

    private func store(_ kind: DataImport.Kind, _ file: URL, importID: UUID, actor: AuditActor) async throws {
        try await forEachPiece(kind, file) { parsed, _ in
            for batch in parsed.partyBatches { try await storeParties(batch, importID: importID, actor: actor) }
            for (nodes, links) in parsed.ownershipBatches { try await storeOwnership(nodes, links, importID: importID, actor: actor) }
        }
    }

    /// Each piece of the file parsed off the event loop, its problems numbered as the file's lines. Whether the file
    /// as a whole is empty is decided by the caller, not by each piece.
    private func forEachPiece(_ kind: DataImport.Kind, _ file: URL, _ body: (Parsed, Int) async throws -> Void) async throws {
        var pieces: ConflictDataPieces
        do {
            pieces = try ConflictDataPieces(file, chunkSize: pieceSize)
        } catch let failure as LineReader.ReadError {
            throw FileRefusal.unreadable(failure.kind)
        }
        defer { pieces.close() }
        do {
            while let piece = try pieces.next() {
                let parsed = try await threadPool.runIfActive { Parsed(kind, piece.text, linesBefore: piece.linesBefore) }
                try await body(parsed, piece.linesBefore)
            }
        } catch let tooLarge as ConflictDataPieces.DocumentTooLarge {
            throw FileRefusal.documentTooLarge(limit: tooLarge.limit)
        } catch is ConflictDataPieces.NotUTF8 {
            throw FileRefusal.notUTF8
        } catch let failure as LineReader.ReadError {
            throw FileRefusal.unreadable(failure.kind)
        }
    }

    /// One batch of a streamed OCDS import in its own short audited transaction, so no writer waits long behind a
    /// large file: a process imported again replaces what an earlier import said about it.
    func storeParties(_ parties: [ProcurementParty], importID: UUID, actor: AuditActor) async throws {
        guard !parties.isEmpty else { return }
        try await audit.transaction(on: db, actor: actor) { scope in
            let ocids = Set(parties.map(\.ocid)).sorted()
            // Earlier imports' rows about these processes go; this import's earlier batches stay (a process whose
            // releases span two pieces of the file).
            for batch in ocids.chunked(500) {
                try await ProcurementPartyRecord.query(on: scope.db).filter(\.$ocid ~~ batch).filter(\.$dataImport.$id != importID).delete()
            }
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
    private struct Parsed: Sendable {
        var items = 0
        var problems: [DataFileProblem] = []
        var parties: [ProcurementParty] = []
        var nodes: [OwnershipNode] = []
        var links: [OwnershipLink] = []

        var rows: Int { parties.count + nodes.count + links.count }

        init(_ kind: DataImport.Kind, _ text: String, linesBefore: Int) {
            switch kind {
            case .ocds:
                let result = OCDSParties.read(text)
                (items, problems, parties) = (result.processes, result.problems, result.parties)
            case .bods:
                let result = BODSStatements.read(text)
                (items, problems, nodes, links) = (result.statements, result.problems, result.nodes, result.links)
            }
            problems = problems.filter { $0.kind != .empty }.map {
                DataFileProblem(line: $0.line == 0 ? 0 : $0.line + linesBefore, item: $0.item, kind: $0.kind)
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
