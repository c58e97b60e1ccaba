import Fluent
import Foundation
import RedFlags
import Vapor

/// How far a red-flag run has got: bytes of its stored file read in the current phase, of all.
struct RedFlagProgress: Sendable, Equatable {
    /// Each phase reads the stored file once.
    enum Phase: String, Sendable, CaseIterable {
        case parties, indicators
    }

    var phase: Phase?
    var done: Int
    var total: Int

    var percent: Int {
        guard total > 0, let phase else { return 0 }
        // Sharing the parties is the quicker half.
        let share = 100 * done / total
        return phase == .parties ? share / 4 : 25 + share * 3 / 4
    }

    init(phase: Phase?, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }

    init(_ job: JobRecord) {
        self.init(phase: job.phase.flatMap(Phase.init), done: job.done, total: job.total)
    }

    /// Progress of a run still queued or running, read from its job, so any instance can answer.
    static func of(_ run: UUID, on db: Database) async throws -> RedFlagProgress? {
        try await JobRecord.unfinished(.redFlags, subjects: [run], on: db)[run].map(RedFlagProgress.init)
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

/// Starts red-flag runs from uploads. The upload, already on disk, is read once into compiled releases, one per line,
/// stored where every worker finds it; the run and its job are then written together. `RedFlagRunJob` carries it out.
struct RedFlagRunService {
    let app: Application

    /// Packages and pretty-printed files are read whole: at most this much of them.
    static let wholeDocumentLimit = 64 << 20

    /// The upload or its settings cannot be used; nothing was stored.
    enum Refusal: Error {
        case noFile
        case settings(Settings.Problem)
        case noReleases([CompiledReleaseSet.Problem], count: Int)
        case file(FileRefusal)

        static let namespace = "redflags"

        /// The catalog key of the refusal, also its code in the API.
        var key: String {
            switch self {
            case .noFile: "redflags.error.no_file"
            case .settings: "redflags.error.settings"
            case .noReleases: "redflags.error.no_releases"
            case .file(let refusal): refusal.key(Self.namespace)
            }
        }

        var status: HTTPResponseStatus {
            guard case .file(let refusal) = self else { return .unprocessableEntity }
            return refusal.status
        }

        func message(_ req: Request) -> String {
            switch self {
            case .settings(let problem): req.t(key, req.text(problem))
            case .noReleases(_, let count): req.t(key, req.number(count))
            case .file(let refusal): refusal.message(req, Self.namespace)
            case .noFile: req.t(key)
            }
        }

        /// The first problems, one line each.
        func problems(_ req: Request) -> [String] {
            guard case .noReleases(let problems, _) = self else { return [] }
            return problems.map(req.text)
        }
    }

    /// Where a run's compiled releases wait for a worker.
    static func inputURL(_ app: Application, run: UUID) -> URL {
        URL(fileURLWithPath: app.configuration.uploadsDirectory).appendingPathComponent("red-flags")
            .appendingPathComponent(run.uuidString.lowercased() + ".jsonl")
    }

    /// Receives the request's file into the uploads directory, refusing it as a `Refusal`.
    static func receive(_ req: Request) async throws -> StreamedUpload {
        do {
            return try await FileRefusal.receive(req, limit: req.application.configuration.redFlagsMaxUpload)
        } catch let refusal as FileRefusal {
            throw Refusal.file(refusal)
        }
    }

    /// Starts a run over an upload on disk, which it removes. The same file with the same settings, sent again by the
    /// same person while its run is still going (a double click, a retry), gives that run again.
    func start(_ upload: StreamedUpload, fileName: String, settingsText: String, user: User) async throws -> RedFlagRun {
        defer { try? FileManager.default.removeItem(at: upload.url) }
        guard upload.bytes > 0 else { throw Refusal.noFile }
        do { _ = try Settings.parse(settingsText) } catch { throw Refusal.settings(error) }
        let runID = UUID()
        let input = Self.inputURL(app, run: runID)
        let summary = try await prepare(upload.url, into: input)
        do {
            return try await create(runID, summary: summary, digest: upload.digest, fileName: String(fileName.suffix(200)),
                                    settingsText: settingsText, user: user, inputBytes: Self.size(of: input))
        } catch {
            try? FileManager.default.removeItem(at: input)
            throw error
        }
    }

    /// Reads the upload into compiled releases, one per line, off the event loop.
    private func prepare(_ upload: URL, into input: URL) async throws -> ReleaseUpload.Summary {
        let summary: ReleaseUpload.Summary
        do {
            summary = try await app.threadPool.runIfActive {
                try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: input.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                let source = try FileHandle(forReadingFrom: upload)
                let sink = try FileHandle(forWritingTo: input)
                defer {
                    try? source.close()
                    try? sink.close()
                }
                var reader = try LineReader(source)
                return try ReleaseUpload.read(&reader, wholeDocumentLimit: Self.wholeDocumentLimit,
                                              keptProblems: RedFlagUploadSummary.keptProblems) { try sink.write(contentsOf: $0) }
            }
        } catch {
            try? FileManager.default.removeItem(at: input)
            switch error {
            case let failure as LineReader.ReadError: throw Refusal.file(.unreadable(failure.kind))
            case let failure as ReleaseUpload.DocumentTooLarge: throw Refusal.file(.documentTooLarge(limit: failure.limit))
            default: throw error
            }
        }
        guard summary.releases > 0 else {
            try? FileManager.default.removeItem(at: input)
            throw Refusal.noReleases(summary.problems, count: summary.problemCount)
        }
        return summary
    }

    /// The run, its conflict-data import and its job, written together, unless the same run is already going.
    private func create(_ runID: UUID, summary: ReleaseUpload.Summary, digest: String, fileName: String, settingsText: String,
                        user: User, inputBytes: Int) async throws -> RedFlagRun {
        let now = app.clock.now()
        let run = RedFlagRun()
        run.id = runID
        run.status = .running
        run.fileName = fileName
        run.settings = settingsText
        run.processes = summary.releases
        run.inputDigest = digest
        run.inputBytes = inputBytes
        run.uploadSummary = RedFlagUploadSummary(
            forms: summary.forms.map(\.rawValue).sorted(), mergedReleases: summary.mergedReleases, readAsLatin1: summary.readAsLatin1,
            problems: summary.problems.map(RedFlagUploadSummary.Problem.init), problemCount: summary.problemCount)
        // Every name for now; the finished run keeps only those its results mention.
        run.organizationNames = try RedFlagRun.text(summary.names.byID)
        run.startedBy = try user.requireID()
        run.startedAt = now
        let dataImport = DataImport(id: UUID(), kind: .ocds, fileName: fileName, items: summary.releases, rows: 0, importedBy: user.id, now: now)
        run.dataImportID = dataImport.id
        let userID = try user.requireID()
        @Sendable func same(_ db: Database) -> QueryBuilder<RedFlagRun> {
            RedFlagRun.query(on: db).filter(\.$startedBy == userID).filter(\.$inputDigest == digest).filter(\.$settings == settingsText)
        }
        let created: Void? = try await app.auditLog.transactionIfChanged(on: app.db, actor: .user(user.requireID())) { scope in
            guard try await same(scope.db).filter(\.$status == .running).first() == nil else { throw AuditLogService.NothingToChange() }
            try await dataImport.create(on: scope.db)
            try await run.create(on: scope.db)
            try await JobQueue(db: scope.db).enqueue(.redFlags, subject: runID, now: now)
            try await scope.record(.redFlagRunStart, .redFlagRun(runID),
                                   changes: ["file": fileName, "processes": String(run.processes), "settings": settingsText])
        }
        guard created == nil else { return run }
        try? FileManager.default.removeItem(at: Self.inputURL(app, run: runID))
        guard let going = try await same(app.db).sort(\.$startedAt, .descending).first() else { throw AppError.conflict(code: "redflags_run_finished") }
        return going
    }

    static func size(of url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
