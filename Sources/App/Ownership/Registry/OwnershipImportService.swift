import ExchangeCore
import BeneficialOwnership
import FastJSON
import Fluent
import Foundation
import Vapor

/// Takes BODS files into the registry, all or nothing: a file with any bad statement writes nothing and names each
/// problem by line. Statements already held are skipped, never rewritten; a statement id that comes back with other
/// content refuses the file, since BODS statements are immutable.
struct OwnershipImportService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let schema: JSONSchemaSet

    struct Outcome: Sendable {
        /// Nil when every statement was already held: nothing was written.
        let dataImport: OwnershipImport?
        let read: Int
        let added: Int
        var dryRun = false
    }

    /// The file's problems; `problems` holds the first `keptProblems`, `count` all of them.
    struct Refusal: Error {
        let problems: [BODSProblem]
        let count: Int
    }

    static let keptProblems = 1_000
    /// Rows written per statement batch.
    static let batchSize = 500

    func importStatements(_ bytes: [UInt8], fileName: String, digest: String, actor: AuditActor, userID: UUID?,
                          dryRun: Bool = false) async throws -> Outcome {
        let names = Self.names(in: bytes)
        let context = BODSNormativeRules.Context(today: CalendarDate(clock.now()).description, held: try await Self.held(names, on: db))
        let file = BODSReader.read(bytes, schema: schema, context: context)
        guard file.problems.isEmpty else {
            throw Refusal(problems: Array(file.problems.prefix(Self.keptProblems)), count: file.problems.count)
        }
        if dryRun { return Outcome(dataImport: nil, read: file.statements.count, added: 0, dryRun: true) }
        let now = clock.now()
        let stored: OwnershipImport? = try await audit.transactionIfChanged(on: db, actor: actor) { [schema] scope in
            // Decided here: when another import changed the records this file builds on since it was checked, the
            // rules run again on what is held now; statements stored a moment ago are skipped, or refuse the file if
            // changed.
            let heldNow = try await Self.held(names, on: scope.db)
            if Self.series(heldNow) != Self.series(context.held) {
                let again = BODSReader.read(bytes, schema: schema, context: .init(today: context.today, held: heldNow))
                guard again.problems.isEmpty else { throw Refusal(problems: Array(again.problems.prefix(Self.keptProblems)), count: again.problems.count) }
            }
            let fresh = try await Self.unheld(file.statements, on: scope.db)
            guard !fresh.isEmpty else { throw AuditLogService.NothingToChange() }
            let record = OwnershipImport(id: UUID(), fileName: String(fileName.suffix(200)), statements: fresh.count, digest: digest,
                                         importedBy: userID, now: now)
            try await record.create(on: scope.db)
            let importID = try record.requireID()
            for (number, batch) in fresh.chunked(Self.batchSize).enumerated() {
                try await batch.enumerated().map { offset, located in
                    OwnershipStatement(located.statement, importID: importID, position: number * Self.batchSize + offset)
                }.create(on: scope.db)
            }
            try await scope.record(.ownershipImport, .ownershipImport(importID),
                                   changes: ["statements": String(fresh.count), "read": String(file.statements.count)])
            return record
        }
        return Outcome(dataImport: stored, read: file.statements.count, added: stored?.statements ?? 0)
    }

    /// A file in either format; GLEIF text that is not UTF-8 is refused as unreadable.
    func importFile(_ bytes: [UInt8], format: RegistryFileFormat, fileName: String, digest: String, actor: AuditActor, userID: UUID?,
                    dryRun: Bool = false) async throws -> Outcome {
        switch format {
        case .bods:
            return try await importStatements(bytes, fileName: fileName, digest: digest, actor: actor, userID: userID, dryRun: dryRun)
        case .gleifRR:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw FileRefusal.notUTF8 }
            return try await importGLEIF(text, fileName: fileName, digest: digest, actor: actor, userID: userID, dryRun: dryRun)
        }
    }

    /// A GLEIF relationship-record file (RR-CDF CSV): its direct, active parents become BODS statements that go
    /// through the same import. LEIs the registry holds keep their records; new ones get an entity record each.
    func importGLEIF(_ text: String, fileName: String, digest: String, actor: AuditActor, userID: UUID?, dryRun: Bool = false) async throws -> Outcome {
        let reading = GLEIFRelationships.read(text)
        guard reading.problems.isEmpty else {
            throw Refusal(problems: Array(reading.problems.prefix(Self.keptProblems)), count: reading.problems.count)
        }
        var records: [LegalEntityIdentifier: String] = [:]
        for lei in Set(reading.parents.flatMap { [$0.child, $0.parent] }) {
            let key = "\(LegalEntityIdentifier.bodsScheme)-\(lei.value)".lowercased()
            records[lei] = try await OwnershipStatement.query(on: db).filter(\.$recordType == .entity)
                .filter(\.$searchText, .custom("LIKE"), "%\(key)%").sort(\.$statementDate).first()?.recordID
        }
        let relationshipIDs = reading.parents.map { "gleif-rr-\($0.child.value)-\($0.parent.value)" }
        var heldRelationships: [String: Set<String>] = [:]
        for batch in relationshipIDs.chunked(Self.batchSize) {
            for row in try await OwnershipStatement.query(on: db).filter(\.$recordID ~~ batch).all() {
                heldRelationships[row.recordID, default: []].insert(row.statementID)
            }
        }
        let statements = GLEIFRelationships.statements(reading.parents, heldRecord: { records[$0] }, heldRelationships: heldRelationships,
                                                       today: CalendarDate(clock.now()).description)
        return try await importStatements(Array(statements.utf8), fileName: fileName, digest: digest, actor: actor, userID: userID, dryRun: dryRun)
    }

    /// The records a file names: its own, and those its statements point at.
    private static func names(in bytes: [UInt8]) -> Set<String> {
        var names: Set<String> = []
        for value in BODSReader.values(in: bytes).0 {
            for key in [["recordId"], ["declarationSubject"], ["recordDetails", "subject"], ["recordDetails", "interestedParty"]] {
                if let name = key.reduce(Optional(value.json), { $0?[$1] })?.string { names.insert(name) }
            }
        }
        return names
    }

    /// Which statements are held for each record, to tell whether the held records changed.
    private static func series(_ held: [String: BODSNormativeRules.Context.Held]) -> [String: Set<String>] {
        held.mapValues { Set($0.series.map(\.statementID)) }
    }

    /// The records among `names` that the registry holds already, so that a file may build on earlier ones.
    private static func held(_ names: Set<String>, on db: Database) async throws -> [String: BODSNormativeRules.Context.Held] {
        var rows: [OwnershipStatement] = []
        for batch in Array(names).chunked(batchSize) {
            rows += try await OwnershipStatement.query(on: db).filter(\.$recordID ~~ batch).all()
        }
        return Dictionary(grouping: rows, by: \.recordID).compactMapValues { series in
            guard let first = series.first else { return nil }
            let entityType = first.recordType == .entity ? first.statement.flatMap(BODSNormativeRules.entityType) : nil
            return .init(recordType: first.recordType, entityType: entityType, series: series.map { ($0.statementID, $0.statementDate, $0.recordStatus) })
        }
    }

    /// The statements not yet held. One held with other content is a rewrite, which BODS forbids.
    private static func unheld(_ statements: [BODSFile.Located], on db: Database) async throws -> [BODSFile.Located] {
        var held: [String: String] = [:]
        for batch in statements.map(\.statement.statementID).chunked(batchSize) {
            for row in try await OwnershipStatement.query(on: db).filter(\.$statementID ~~ batch).all() { held[row.statementID] = row.body }
        }
        var rewritten: [BODSProblem] = []
        let fresh = statements.filter { located in
            guard let body = held[located.statement.statementID] else { return true }
            if body != JSONWriter.string(located.statement.json) {
                rewritten.append(BODSProblem(line: located.line, item: nil, pointer: "/statementId", rule: "statement_rewritten",
                                             expected: located.statement.statementID))
            }
            return false
        }
        guard rewritten.isEmpty else { throw Refusal(problems: Array(rewritten.prefix(keptProblems)), count: rewritten.count) }
        return fresh
    }
}
