import Fluent
import Foundation
import SQLKit

/// The job table's operations. Every change after the claim is conditional on the lease owner, so a worker that lost
/// its lease (it stalled, another reclaimed the job) can no longer write.
struct JobQueue: Sendable {
    let db: Database

    /// How long a claim holds without a heartbeat.
    static let lease: TimeInterval = 30

    /// Adds a job, normally inside the audited transaction that records what it works on.
    @discardableResult
    func enqueue(_ kind: JobRecord.Kind, subject: UUID, uniqueKey: String? = nil, maxAttempts: Int = JobRecord.defaultMaxAttempts,
                 now: Date) async throws -> JobRecord {
        let job = JobRecord(kind: kind, subject: subject, maxAttempts: maxAttempts, now: now)
        job.uniqueKey = uniqueKey
        try await job.create(on: db)
        return job
    }

    /// Adds a job unless one with `uniqueKey` exists (periodic work: one job per period, whoever enqueues it).
    /// Returns whether this call added it.
    @discardableResult
    func enqueueOnce(_ kind: JobRecord.Kind, subject: UUID, uniqueKey: String, maxAttempts: Int = JobRecord.defaultMaxAttempts,
                     now: Date) async throws -> Bool {
        let job = JobRecord(kind: kind, subject: subject, maxAttempts: maxAttempts, now: now)
        job.uniqueKey = uniqueKey
        do {
            try await job.create(on: db)
            return true
        } catch {
            guard (error as? DatabaseError)?.isConstraintFailure == true else { throw error }
            return false
        }
    }

    /// Claims the next due job, or one whose lease expired: `FOR UPDATE SKIP LOCKED` on PostgreSQL, so workers never
    /// wait for each other; on SQLite the single statement is atomic.
    func claim(owner: String, now: Date) async throws -> JobRecord? {
        let sql = db.sql
        let skipLocked: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let row = try await sql.raw("""
            UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = \(bind: owner),
                lease_until = \(bind: now.addingTimeInterval(Self.lease)), updated_at = \(bind: now)
            WHERE id = (SELECT id FROM jobs
                        WHERE (status = 'queued' AND run_after <= \(bind: now)) OR (status = 'running' AND lease_until < \(bind: now))
                        ORDER BY run_after, created_at LIMIT 1 \(skipLocked))
            RETURNING id
            """).first()
        guard let id = try row?.decode(column: "id", as: UUID.self) else { return nil }
        return try await JobRecord.find(id, on: db)
    }

    /// Progress and a fresh lease, in one write; false when the lease is no longer this worker's.
    func pulse(_ job: JobRecord, owner: String, phase: String?, done: Int, total: Int, now: Date) async throws -> Bool {
        try await db.sql.update(JobRecord.schema)
            .set("phase", to: phase).set("done", to: done).set("total", to: total)
            .set("lease_until", to: now.addingTimeInterval(Self.lease)).set("updated_at", to: now)
            .where("id", .equal, try job.requireID()).where("lease_owner", .equal, owner).where("status", .equal, JobRecord.Status.running.rawValue)
            .changedAnyRow()
    }

    func complete(_ job: JobRecord, owner: String, now: Date) async throws {
        try await finish(job, owner: owner, status: .completed, error: nil, runAfter: nil, now: now)
    }

    /// Back to the queue after `delay`, keeping the error; or failed for good.
    func fail(_ job: JobRecord, owner: String, error: String, retryAfter delay: TimeInterval?, now: Date) async throws {
        try await finish(job, owner: owner, status: delay == nil ? .failed : .queued, error: error,
                         runAfter: delay.map { now.addingTimeInterval($0) }, now: now)
    }

    /// A worker stopping hands its jobs back at once instead of letting their leases run out.
    func releaseAll(owner: String, now: Date) async throws {
        try await db.sql.update(JobRecord.schema).set("status", to: JobRecord.Status.queued.rawValue)
            .set("lease_owner", to: String?.none).set("lease_until", to: Date?.none).set("run_after", to: now).set("updated_at", to: now)
            .where("lease_owner", .equal, owner).where("status", .equal, JobRecord.Status.running.rawValue).run()
    }

    private func finish(_ job: JobRecord, owner: String, status: JobRecord.Status, error: String?, runAfter: Date?,
                        now: Date) async throws {
        var update = db.sql.update(JobRecord.schema).set("status", to: status.rawValue)
            .set("lease_owner", to: String?.none).set("lease_until", to: Date?.none).set("updated_at", to: now)
        if let error { update = update.set("error", to: error) }
        if let runAfter { update = update.set("run_after", to: runAfter) }
        try await update.where("id", .equal, try job.requireID()).where("lease_owner", .equal, owner).run()
    }

    /// An operator's retry of a job that failed for good: queued again with a fresh count.
    func retry(_ id: UUID, now: Date) async throws -> Bool {
        try await db.sql.update(JobRecord.schema)
            .set("status", to: JobRecord.Status.queued.rawValue).set("attempts", to: 0).set("run_after", to: now).set("updated_at", to: now)
            .where("id", .equal, id).where("status", .equal, JobRecord.Status.failed.rawValue)
            .changedAnyRow()
    }

    /// Exponential backoff: 5 s, 10 s, 20 s … at most 10 minutes.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(5 * pow(2, Double(max(attempt - 1, 0))), 600)
    }
}
