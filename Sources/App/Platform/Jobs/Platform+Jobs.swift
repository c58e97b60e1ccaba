import Fluent
import Foundation
import Vapor

/// The job queue as the command line sees it.
extension Platform {
    public struct JobRow: Sendable {
        public let id: UUID
        public let kind: String
        public let status: String
        public let attempts: Int
        public let progress: String
        public let error: String?
    }

    /// The newest jobs, optionally of one status, with their error in English.
    public static func jobs(_ app: Application, status: String?) async throws -> [JobRow] {
        var query = JobRecord.query(on: app.db).sort(\.$createdAt, .descending).limit(100)
        if let status {
            guard let wanted = JobRecord.Status(rawValue: status) else {
                throw CommandError(description: "status must be one of: " + JobRecord.Status.allCases.map(\.rawValue).joined(separator: ", "))
            }
            query = query.filter(\.$status == wanted)
        }
        return try await query.all().map {
            JobRow(id: try $0.requireID(), kind: $0.kind.rawValue, status: $0.status.rawValue, attempts: $0.attempts,
                   progress: $0.total > 0 ? "\($0.phase ?? "") \($0.done)/\($0.total)" : ($0.phase ?? ""),
                   error: $0.error.map { app.catalogs.text($0, .en) })
        }
    }

    /// Queues a job that failed for good again; false when no such failed job exists.
    public static func retryJob(_ app: Application, id: UUID) async throws -> Bool {
        try await retryJob(app, id: id, by: .system("operator"))
    }

    static func retryJob(_ app: Application, id: UUID, by actor: AuditActor) async throws -> Bool {
        let retried: Void? = try await app.auditLog.transactionIfChanged(on: app.db, actor: actor) { scope in
            guard try await JobQueue(db: scope.db).retry(id, now: app.clock.now()), let job = try await JobRecord.find(id, on: scope.db)
            else { throw AuditLogService.NothingToChange() }
            try await app.jobWorker.handlers[job.kind]?.retried(job, scope)
            try await scope.record(.jobRetry, .job(id), changes: ["kind": job.kind.rawValue])
        }
        return retried != nil
    }

    /// Runs background jobs until SIGTERM or SIGINT, then stops claiming and hands back what is still running.
    public static func runWorker(_ app: Application, concurrency: Int) async throws {
        app.jobWorker.start(concurrency: concurrency)
        await Signals.wait(for: [SIGTERM, SIGINT])
        await app.jobWorker.stop()
    }
}

/// Waits for a process signal without the default handler killing the process.
enum Signals {
    static func wait(for signals: [Int32]) async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
