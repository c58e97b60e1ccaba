import Fluent
import Foundation
import RedFlags
import Vapor

/// How far a red-flag run has got: compiled releases read of all.
struct RedFlagProgress: Sendable, Equatable {
    var done: Int
    var total: Int

    var percent: Int { total == 0 ? 0 : 100 * done / total }

    /// Progress of a run still queued or running, read from its job, so any instance can answer.
    static func of(_ run: UUID, on db: Database) async throws -> RedFlagProgress? {
        try await JobRecord.unfinished(.redFlags, subjects: [run], on: db)[run].map { RedFlagProgress(done: $0.done, total: $0.total) }
    }
}

/// What an upload held, kept with the run so its page can say what was read and what was skipped.
struct RedFlagUploadSummary: Codable, Sendable, Equatable {
    /// An upload problem as the engine's code and arguments, told in each reader's language when shown; `reason`
    /// keeps the English.
    struct Problem: Codable, Sendable, Equatable {
        let line: Int
        let reason: String
        let code: String?
        let arguments: [String]?

        init(_ problem: CompiledReleaseSet.Problem) {
            line = problem.line
            reason = problem.detail
            code = problem.code
            arguments = problem.arguments
        }
    }

    var forms: [String]
    var mergedReleases: Int
    var readAsLatin1: Bool
    /// The first problems only; `problemCount` has them all.
    var problems: [Problem]
    var problemCount: Int

    static let keptProblems = 100
}

/// Starts red-flag runs from uploads and carries them out in the background. The upload's parties are stored for
/// conflict screening as the run starts; the indicators run afterwards, reporting progress.
struct RedFlagRunService {
    let app: Application

    var db: Database { app.db }

    /// The upload or its settings cannot be used; nothing was stored.
    enum Refusal: Error {
        case settings(Settings.Problem)
        case noReleases([CompiledReleaseSet.Problem])

        /// The catalog key of the refusal, also its code in the API.
        var key: String {
            switch self {
            case .settings: "redflags.error.settings"
            case .noReleases: "redflags.error.no_releases"
            }
        }

        func message(_ req: Request) -> String {
            switch self {
            case .settings(let problem): req.t(key, req.text(problem))
            case .noReleases(let problems): req.t(key, String(problems.count))
            }
        }

        /// The first problems, one line each.
        func problems(_ req: Request) -> [String] {
            guard case .noReleases(let problems) = self else { return [] }
            return problems.prefix(100).map(req.text)
        }
    }

    func start(bytes: [UInt8], fileName: String, settingsText: String, user: User) async throws -> RedFlagRun {
        let settings: Settings
        do { settings = try Settings.parse(settingsText) } catch { throw Refusal.settings(error) }
        let upload = CompiledReleaseSet(bytes: bytes)
        guard !upload.releases.isEmpty else { throw Refusal.noReleases(upload.problems) }
        let lines = upload.jsonLines
        let name = String(fileName.suffix(200))
        let shared = try await app.conflictData.importFile(.ocds, text: String(decoding: lines, as: UTF8.self), fileName: name, actor: .user(user.id!), userID: user.id)
        let run = RedFlagRun()
        run.status = .running
        run.fileName = name
        run.settings = settingsText
        run.processes = upload.releases.count
        run.uploadSummary = JSONColumn.encode(RedFlagUploadSummary(
            forms: upload.forms.map(\.rawValue).sorted(), mergedReleases: upload.mergedReleases, readAsLatin1: upload.readAsLatin1,
            problems: upload.problems.prefix(RedFlagUploadSummary.keptProblems).map(RedFlagUploadSummary.Problem.init),
            problemCount: upload.problems.count))
        run.dataImportID = shared.dataImport.id
        run.startedBy = user.id!
        run.startedAt = app.clock.now()
        // The run, its input and its job are written together: any worker can carry it out.
        try await app.auditLog.transaction(on: db, actor: .user(user.id!)) { [clock = app.clock] scope in
            try await run.create(on: scope.db)
            try await RedFlagInput(runID: run.id!, lines: lines).create(on: scope.db)
            try await JobQueue(db: scope.db).enqueue(.redFlags, subject: run.id!, now: clock.now())
            try await scope.record(.redFlagRunStart, .redFlagRun(run.id!),
                                   changes: ["file": name, "processes": String(run.processes), "settings": settingsText])
        }
        return run
    }

    static func jobHandler(_ app: Application) -> JobHandler {
        JobHandler(
            run: { job, progress in try await RedFlagRunService(app: app).execute(job.subjectID, progress: progress) },
            failed: { job, _ in
                guard let run = try await RedFlagRun.find(job.subjectID, on: app.db), run.status == .running else { return }
                try await RedFlagRunService(app: app).fail(run, failure: "redflags.failure.internal")
            },
            retried: { job, scope in
                try await RedFlagRun.query(on: scope.db).filter(\.$id == job.subjectID).filter(\.$status == .failed)
                    .set(\.$status, to: .running).set(\.$failure, to: nil).set(\.$finishedAt, to: nil).update()
            })
    }

    /// Reads the stored input again, so a run that a stopped worker left is carried out in full by another.
    func execute(_ runID: UUID, progress: JobProgress) async throws {
        guard let run = try await RedFlagRun.find(runID, on: db), run.status == .running,
              let input = try await RedFlagInput.find(runID, on: db) else { return }
        let settings = try Settings.parse(run.settings)
        let lines = Array(input.lines)
        let releases = CompiledReleaseSet(bytes: lines).releases
        progress.report(phase: nil, done: 0, total: releases.count)
        let outcome = await Task.detached {
            Self.evaluate(releases, lines: lines, settings: settings) { progress.report(phase: nil, done: $0, total: releases.count) }
        }.value
        run.results = outcome.results
        run.risk = outcome.risk
        run.parties = outcome.parties
        run.organizationNames = outcome.organizationNames
        run.status = .completed
        run.finishedAt = app.clock.now()
        try await app.auditLog.transaction(on: db, actor: .system("red_flags")) { scope in
            try await Self.requireRunning(run, on: scope.db)
            try await run.update(on: scope.db)
            try await RedFlagInput.query(on: scope.db).filter(\.$id == runID).delete()
            try await scope.record(.redFlagRunComplete, .redFlagRun(runID), changes: ["flags": outcome.flagCount])
        }
    }

    struct Outcome: Sendable {
        let results: String
        let risk: String
        let parties: String
        let organizationNames: String
        let flagCount: String
    }

    /// The indicators, maps and risk scores over compiled releases; pure, so it runs off the event loop.
    static func evaluate(_ releases: [JSONValue], lines: [UInt8], settings: Settings, progress: (Int) -> Void) -> Outcome {
        var run = IndicatorRun(settings: settings, mapping: true)
        run.tracked = .all
        // The one decoder the CLI uses, so a page and a command never read a release differently.
        for (index, line) in lines.split(separator: 0x0A).enumerated() {
            _ = line.withUnsafeBufferPointer { run.read(line: $0, number: index + 1) }
            if (index + 1) % 250 == 0 || index + 1 == releases.count { progress(index + 1) }
        }
        let results = run.finish()
        let weights = RiskWeights(settings: settings, codes: run.codes)
        let parties = run.parties.mapValues {
            StoredParties(buyer: $0.buyer, procuringEntity: $0.procuringEntity, tenderers: $0.tenderers.sorted(), suppliers: $0.suppliers.sorted())
        }
        var names = OrganizationNames()
        for release in releases { names.add(release) }
        let mentioned = run.parties.values.reduce(into: Set<String>()) { ids, p in
            ids.formUnion([p.buyer, p.procuringEntity].compactMap { $0 })
            ids.formUnion(p.tenderers)
        }
        let flagCount = results.counts.reduce(0) { $0 + $1.1 }
        return Outcome(results: results.json(includeMeta: true),
                       risk: RiskScores(results: results, parties: run.parties, weights: weights).json(weights: weights),
                       parties: JSONColumn.encode(parties), organizationNames: JSONColumn.encode(names.restricted(to: mentioned)),
                       flagCount: String(flagCount))
    }

    struct StoredParties: Codable, Sendable {
        let buyer: String?
        let procuringEntity: String?
        let tenderers: [String]
        let suppliers: [String]
    }

    private func fail(_ run: RedFlagRun, failure: String) async throws {
        run.status = .failed
        run.failure = failure
        run.finishedAt = app.clock.now()
        try await app.auditLog.transaction(on: db, actor: .system("red_flags")) { scope in
            try await Self.requireRunning(run, on: scope.db)
            try await run.update(on: scope.db)
            try await scope.record(.redFlagRunFail, .redFlagRun(run.id!), changes: ["failure": failure])
        }
    }

    /// A run finishes once: completing or failing it decides on its stored status.
    private static func requireRunning(_ run: RedFlagRun, on db: Database) async throws {
        guard try await run.stored(on: db).status == .running else { throw AppError.conflict(code: "redflags_run_finished") }
    }
}
