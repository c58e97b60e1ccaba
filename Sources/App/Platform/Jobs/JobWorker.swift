import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What a kind of job does, and what its subject records when the job fails for good.
struct JobHandler: Sendable {
    let run: @Sendable (JobRecord, JobProgress) async throws -> Void
    /// `error` is a catalog key.
    let failed: @Sendable (JobRecord, _ error: String) async throws -> Void
    /// An operator queued the failed job again: its subject goes back to the state the job works from.
    let retried: @Sendable (JobRecord, AuditScope) async throws -> Void
}

/// Progress a running job reports from any thread; the worker writes it to the job row twice a second.
final class JobProgress: Sendable {
    private let value = NIOLockedValueBox<(phase: String?, done: Int, total: Int)>((nil, 0, 0))

    func report(phase: String?, done: Int, total: Int) {
        value.withLockedValue { $0 = (phase, done, total) }
    }

    var current: (phase: String?, done: Int, total: Int) { value.withLockedValue { $0 } }
}

/// Claims and runs jobs. `integrity worker` runs one on its own; `integrity serve` embeds one unless `--no-worker`.
/// Each of `concurrency` loops claims a job, runs it with a lease kept alive by progress writes, and marks it done,
/// retried with backoff, or failed for good. On shutdown it stops claiming and hands running jobs back.
final class JobWorker: Sendable {
    let app: Application
    let owner: String
    let handlers: [JobRecord.Kind: JobHandler]
    private let stopping = NIOLockedValueBox(false)
    /// Loops still going; `stop` waits for them to reach zero.
    private let looping = NIOLockedValueBox(0)

    init(app: Application, handlers: [JobRecord.Kind: JobHandler]) {
        self.app = app
        self.handlers = handlers
        owner = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    private var queue: JobQueue { JobQueue(db: app.db) }

    /// Claims and runs one job; false when none was due.
    @discardableResult
    func runOnce() async throws -> Bool {
        guard let job = try await queue.claim(owner: owner, now: app.clock.now()) else { return false }
        await execute(job)
        return true
    }

    /// Runs jobs until none is due (tests and one-off commands).
    func drain() async throws {
        while try await runOnce() {}
    }

    func start(concurrency: Int, idle: Duration = .milliseconds(500)) {
        looping.withLockedValue { $0 += concurrency }
        for _ in 0..<concurrency {
            Task { [self] in
                defer { looping.withLockedValue { $0 -= 1 } }
                while !stopping.withLockedValue({ $0 }) {
                    let ran: Bool
                    do {
                        ran = try await runOnce()
                    } catch {
                        app.logger.warning("job claim failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                        ran = false
                    }
                    if !ran { try? await Task.sleep(for: idle) }
                }
            }
        }
    }

    /// Stops claiming and lets running jobs finish for up to `grace`; what is still running then is handed back to
    /// the queue, so another worker takes it at once (a late finish here can no longer write: the lease is gone).
    func stop(grace: Duration = .seconds(20)) async {
        stopping.withLockedValue { $0 = true }
        let deadline = ContinuousClock.now + grace
        while looping.withLockedValue({ $0 }) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        guard looping.withLockedValue({ $0 }) > 0 else { return }
        do {
            try await queue.releaseAll(owner: owner, now: app.clock.now())
        } catch {
            app.logger.warning("jobs not handed back on shutdown; their leases will expire", metadata: ["worker": "\(owner)"])
        }
    }

    private func execute(_ job: JobRecord) async {
        guard let handler = handlers[job.kind] else { return }
        let now = app.clock.now()
        // A job whose worker kept dying is not tried again for ever.
        guard job.attempts <= job.maxAttempts else { return await giveUp(job, handler, error: "jobs.failure.abandoned") }
        let progress = JobProgress()
        let pulse = Task { [queue, owner, app] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                let p = progress.current
                _ = try? await queue.pulse(job, owner: owner, phase: p.phase, done: p.done, total: p.total, now: app.clock.now())
            }
        }
        defer { pulse.cancel() }
        do {
            try await handler.run(job, progress)
            pulse.cancel()
            try await queue.complete(job, owner: owner, now: app.clock.now())
        } catch {
            let key = "jobs.failure.internal"
            app.logger.error("job failed", metadata: ["job": "\(job.id?.uuidString ?? "-")", "kind": "\(job.kind.rawValue)",
                                                      "error": "\(String(reflecting: type(of: error)))"])
            if job.attempts < job.maxAttempts {
                try? await queue.fail(job, owner: owner, error: key, retryAfter: JobQueue.backoff(afterAttempt: job.attempts), now: now)
            } else {
                await giveUp(job, handler, error: key)
            }
        }
    }

    private func giveUp(_ job: JobRecord, _ handler: JobHandler, error: String) async {
        try? await queue.fail(job, owner: owner, error: error, retryAfter: nil, now: app.clock.now())
        do {
            try await handler.failed(job, error)
        } catch {
            app.logger.error("job failure not recorded", metadata: ["job": "\(job.id?.uuidString ?? "-")"])
        }
    }
}

extension Application {
    private struct JobWorkerKey: StorageKey { typealias Value = JobWorker }

    /// This process's worker; jobs are claimed only once it is started (or drained).
    var jobWorker: JobWorker {
        if let worker = storage[JobWorkerKey.self] { return worker }
        let worker = JobWorker(app: self, handlers: [.matching: BatchMatchingService.jobHandler(self),
                                                     .redFlags: RedFlagRunJob.handler(self),
                                                     .reminders: ReminderService.jobHandler(self),
                                                     .mail: SendmailDelivery.jobHandler(self),
                                                     .reportRetention: ReportRetentionService.jobHandler(self)])
        storage[JobWorkerKey.self] = worker
        return worker
    }
}

/// Starts the embedded worker with the server (not in tests, not with `--no-worker`), and stops it gracefully.
struct JobWorkerLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let concurrency = application.configuration.workerConcurrency
        guard concurrency > 0, application.environment != .testing else { return }
        application.jobWorker.start(concurrency: concurrency)
    }

    func shutdownAsync(_ application: Application) async {
        await application.jobWorker.stop()
    }
}
