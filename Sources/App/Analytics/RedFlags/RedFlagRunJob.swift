import ExchangeCore
import Fluent
import Foundation
import RedFlags
import Vapor

/// Carries out a red-flag run on any worker, reading its stored file twice as a stream: first to share the
/// processes' parties with conflict screening, batch by batch in short transactions, then to calculate the
/// indicators. A run a stopped worker left is started again from the file by another.
struct RedFlagRunJob {
    let app: Application

    var db: Database { app.db }

    static func handler(_ app: Application) -> JobHandler {
        JobHandler(
            run: { job, progress in try await RedFlagRunJob(app: app).execute(job.subjectID, progress: progress) },
            failed: { job, _ in
                guard let run = try await RedFlagRun.find(job.subjectID, on: app.db), run.status == .running else { return }
                try await RedFlagRunJob(app: app).fail(run, failure: "redflags.failure.internal")
            },
            retried: { job, scope in
                try await RedFlagRun.query(on: scope.db).filter(\.$id == job.subjectID).filter(\.$status == .failed)
                    .set(\.$status, to: .running).set(\.$failure, to: nil).set(\.$finishedAt, to: nil).update()
            })
    }

    func execute(_ runID: UUID, progress: JobProgress) async throws {
        guard let run = try await RedFlagRun.find(runID, on: db), run.status == .running else { return }
        let input = RedFlagRunService.inputURL(app, run: runID)
        guard FileManager.default.fileExists(atPath: input.path) else {
            return try await fail(run, failure: "redflags.failure.input_missing")
        }
        let settings = try run.parsedSettings()
        let total = RedFlagRunService.size(of: input)
        if let importID = run.dataImportID {
            try await shareParties(input, importID: importID, total: total, progress: progress)
        }
        progress.report(phase: RedFlagProgress.Phase.indicators.rawValue, done: 0, total: total)
        let names = try RedFlagRun.decoded(run.organizationNames, as: [String: String].self) ?? [:]
        let outcome = try await app.threadPool.runIfActive {
            try Self.evaluate(input, settings: settings, names: names) {
                progress.report(phase: RedFlagProgress.Phase.indicators.rawValue, done: $0, total: total)
            }
        }
        try await complete(run, outcome)
        try? FileManager.default.removeItem(at: input)
    }

    /// Each batch of lines replaces what earlier imports said about its processes, in its own audited transaction,
    /// so no other writer waits long behind a large file.
    private func shareParties(_ input: URL, importID: UUID, total: Int, progress: JobProgress) async throws {
        progress.report(phase: RedFlagProgress.Phase.parties.rawValue, done: 0, total: total)
        let handle = try FileHandle(forReadingFrom: input)
        defer { try? handle.close() }
        var reader = try LineReader(handle)
        while let batch = try reader.nextBatch() {
            let parties = try await app.threadPool.runIfActive { OCDSParties.read(String(decoding: batch.bytes, as: UTF8.self)).parties }
            try await app.registry.conflictData.storeParties(parties, importID: importID, actor: .system("red_flags"))
            progress.report(phase: RedFlagProgress.Phase.parties.rawValue, done: reader.bytesRead, total: total)
        }
    }

    struct Outcome: Sendable {
        let results: String
        let risk: String
        let parties: String
        let organizationNames: String
        let flagCount: String
    }

    /// The indicators, maps and risk scores over the stored file in one streaming pass; pure, off the event loop.
    static func evaluate(_ input: URL, settings: Settings, names: [String: String], progress: (Int) -> Void) throws -> Outcome {
        var run = IndicatorRun(settings: settings, mapping: true)
        run.tracked = .all
        let handle = try FileHandle(forReadingFrom: input)
        defer { try? handle.close() }
        var reader = try LineReader(handle)
        // The one engine the CLI uses, on every core, so a page and a command never read a release differently.
        try run.run(&reader, threads: ProcessInfo.processInfo.activeProcessorCount, progress: progress) { _ in }
        let results = run.finish()
        let weights = RiskWeights(settings: settings, codes: run.codes)
        let parties = run.parties.mapValues {
            StoredParties(buyer: $0.buyer, procuringEntity: $0.procuringEntity, tenderers: $0.tenderers.sorted(), suppliers: $0.suppliers.sorted())
        }
        let mentioned = run.parties.values.reduce(into: Set<String>()) { ids, p in
            ids.formUnion([p.buyer, p.procuringEntity].compactMap { $0 })
            ids.formUnion(p.tenderers)
        }
        let flagCount = results.counts.reduce(0) { $0 + $1.1 }
        return Outcome(results: results.json(includeMeta: true),
                       risk: RiskScores(results: results, parties: run.parties, weights: weights).json(weights: weights),
                       parties: try RedFlagRun.text(parties), organizationNames: try RedFlagRun.text(names.filter { mentioned.contains($0.key) }),
                       flagCount: String(flagCount))
    }

    struct StoredParties: Codable, Sendable, Equatable {
        let buyer: String?
        let procuringEntity: String?
        let tenderers: [String]
        let suppliers: [String]
    }

    private func complete(_ run: RedFlagRun, _ outcome: Outcome) async throws {
        run.results = outcome.results
        run.risk = outcome.risk
        run.parties = outcome.parties
        run.organizationNames = outcome.organizationNames
        run.status = .completed
        run.finishedAt = app.clock.now()
        try await app.auditLog.transaction(on: db, actor: .system("red_flags")) { scope in
            try await Self.requireRunning(run, on: scope.db)
            try await run.update(on: scope.db)
            if let importID = run.dataImportID {
                let rows = try await ProcurementPartyRecord.query(on: scope.db).filter(\.$dataImport.$id == importID).count()
                try await DataImport.query(on: scope.db).filter(\.$id == importID).set(\.$rows, to: rows).update()
            }
            try await scope.record(.redFlagRunComplete, .redFlagRun(run.requireID()), changes: ["flags": outcome.flagCount])
        }
        _ = try await app.registry.conflictData.recheckClearedMatches(trigger: "ocds import")
    }

    func fail(_ run: RedFlagRun, failure: String) async throws {
        run.status = .failed
        run.failure = failure
        run.finishedAt = app.clock.now()
        try await app.auditLog.transaction(on: db, actor: .system("red_flags")) { scope in
            try await Self.requireRunning(run, on: scope.db)
            try await run.update(on: scope.db)
            try await scope.record(.redFlagRunFail, .redFlagRun(run.requireID()), changes: ["failure": failure])
        }
        try? FileManager.default.removeItem(at: RedFlagRunService.inputURL(app, run: try run.requireID()))
    }

    /// A run finishes once: completing or failing it decides on its stored status.
    private static func requireRunning(_ run: RedFlagRun, on db: Database) async throws {
        guard try await run.stored(on: db).status == .running else { throw AppError.conflict(code: "redflags_run_finished") }
    }
}
