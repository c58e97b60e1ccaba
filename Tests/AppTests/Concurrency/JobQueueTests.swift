@testable import App
import ExchangeCore
import Fluent
import NIOConcurrencyHelpers
import XCTVapor
import XCTest

/// Background work lives in the job table: claimed by one worker, followed from any instance, reclaimed when its
/// worker dies, retried with backoff, and failed for good with its error.
final class JobQueueTests: AppTestCase {
    private func startRun(_ app: Application) async throws -> (run: UUID, api: APIClient) {
        _ = try await matchingProgramme(on: app)
        let staff = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
        let started = try await staff.send(.POST, "/api/v1/matching/runs")
        XCTAssertEqual(started.status, .accepted)
        return (try started.content.decode(APIMatchingController.RunDTO.self).id, staff)
    }

    func testProgressIsReadFromTheJobAndADeadWorkersJobIsFinishedByAnother() async throws {
        try await withTestApp { app in
            let (run, staff) = try await startRun(app)
            let queued = try await staff.send(.GET, "/api/v1/matching/runs/\(run.uuidString)").content.decode(APIMatchingController.RunDTO.self)
            XCTAssertEqual(queued.status, "running", "a queued run is not taken for interrupted")

            // Worker A claims the job, reports progress, and dies without finishing.
            let queue = JobQueue(db: app.db)
            let claimed = try await XCTUnwrapAsync(try await queue.claim(owner: "worker-a", now: app.clock.now()))
            XCTAssertEqual(claimed.subjectID, run)
            let reported = try await queue.pulse(claimed, owner: "worker-a", phase: "ranking", done: 1, total: 2, now: app.clock.now())
            XCTAssertTrue(reported)
            let followed = try await staff.send(.GET, "/api/v1/matching/runs/\(run.uuidString)").content.decode(APIMatchingController.RunDTO.self)
            XCTAssertEqual(followed.progress?.done, 1, "progress comes from the database, whichever instance answers")
            let stolen = try await queue.claim(owner: "worker-b", now: app.clock.now())
            XCTAssertNil(stolen, "a job under lease is not claimed twice")

            clock.advance(by: JobQueue.lease + 1)
            try await app.jobWorker.drain()
            let job = try await XCTUnwrapAsync(try await JobRecord.query(on: app.db).first())
            XCTAssertEqual(job.status, .completed)
            XCTAssertEqual(job.attempts, 2)
            let done = try await XCTUnwrapAsync(try await MatchRun.find(run, on: app.db))
            XCTAssertEqual(done.status, .completed)
            let proposals = try await MatchProposal.query(on: app.db).filter(\.$run.$id == run).count()
            XCTAssertEqual(proposals, done.needCount, "one proposal per need, as a clean run makes")
            let late = try await queue.pulse(claimed, owner: "worker-a", phase: "saving", done: 2, total: 2, now: app.clock.now())
            XCTAssertFalse(late, "the worker that lost its lease can no longer write")
        }
    }

    func testEightWorkersClaimingAtOnceTakeOneJobOnce() async throws {
        try await withTestApp { app in
            let (run, _) = try await startRun(app)
            let queue = JobQueue(db: app.db)
            let now = app.clock.now()
            let claims = try await withThrowingTaskGroup(of: UUID?.self) { group in
                for worker in 0..<8 { group.addTask { try await queue.claim(owner: "worker-\(worker)", now: now)?.subjectID } }
                return try await group.reduce(into: [UUID?]()) { $0.append($1) }
            }
            XCTAssertEqual(claims.compactMap { $0 }, [run])
        }
    }

    func testAFailingJobIsRetriedWithBackoffThenFailsForGoodAndCanBeRetried() async throws {
        try await withTestApp { app in
            let (run, _) = try await startRun(app)
            struct Broken: Error {}
            let attempts = NIOLockedCounter()
            let matching = BatchMatchingService.jobHandler(app)
            let worker = JobWorker(app: app, handlers: [.matching: JobHandler(
                run: { _, _ in attempts.increment(); throw Broken() }, failed: matching.failed, retried: matching.retried)])

            try await worker.drain()
            var job = try await XCTUnwrapAsync(try await JobRecord.query(on: app.db).first())
            XCTAssertEqual(job.status, .queued)
            XCTAssertEqual(job.error, "jobs.failure.internal")
            try await worker.drain()
            XCTAssertEqual(attempts.value, 1, "not before its backoff")
            clock.advance(by: JobQueue.backoff(afterAttempt: 1))
            try await worker.drain()
            clock.advance(by: JobQueue.backoff(afterAttempt: 2))
            try await worker.drain()
            XCTAssertEqual(attempts.value, 3)
            job = try await XCTUnwrapAsync(try await JobRecord.find(job.id, on: app.db))
            XCTAssertEqual(job.status, .failed)
            let failedRun = try await MatchRun.find(run, on: app.db)
            XCTAssertEqual(failedRun?.status, .failed, "the run says so on its page")

            let rows = try await Platform.jobs(app, status: "failed")
            XCTAssertEqual(rows.map(\.error), ["The job failed on an internal error; it was retried and gave up."])

            // Administrators see it on the jobs page, in their language; a coordinator may not retry it.
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let refused = try await coordinator.post("/jobs/\(job.id!.uuidString.lowercased())/retry")
            XCTAssertEqual(refused.status, .forbidden)
            var administrator = BrowserSession(app: app)
            try await administrator.login(Demo.administrator)
            let page = try await administrator.get("/jobs").body.string
            XCTAssertContains(page, "Batch proposal")
            XCTAssertContains(page, "3 of 3")
            XCTAssertContains(page, "The job failed on an internal error")
            XCTAssertContains(page, "/jobs/\(job.id!.uuidString.lowercased())/retry")
            let retryPath = "/jobs/\(job.id!.uuidString.lowercased())/retry"
            let clicks = try await Concurrently.fire(8) { [administrator] in
                var tab = administrator
                return try await tab.post(retryPath)
            }
            XCTAssertEqual(Set(clicks), [.seeOther], "the winner and the losers are sent back to the list")
            let retries = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "job.retry").count()
            XCTAssertEqual(retries, 1, "eight clicks, one retry")
            let retried = try await JobRecord.find(job.id, on: app.db)?.status == .queued
            XCTAssertTrue(retried)
            let reopened = try await MatchRun.find(run, on: app.db)?.status
            XCTAssertEqual(reopened, .running, "the run is worked on again")
            try await app.jobWorker.drain()
            let finished = try await MatchRun.find(run, on: app.db)?.status
            XCTAssertEqual(finished, .completed)
            let twice = try await Platform.retryJob(app, id: job.id!)
            XCTAssertFalse(twice, "only a failed job is retried")
        }
    }

    func testAStoppingWorkerHandsItsRunningJobBack() async throws {
        try await withTestApp { app in
            let (run, _) = try await startRun(app)
            let finish = NIOLockedValueBox(false)
            let matching = BatchMatchingService.jobHandler(app)
            let worker = JobWorker(app: app, handlers: [.matching: JobHandler(
                run: { _, _ in while !finish.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(20)) } },
                failed: matching.failed, retried: matching.retried)])
            worker.start(concurrency: 1, idle: .milliseconds(20))
            for _ in 0..<200 where try await JobRecord.query(on: app.db).first()?.status != .running {
                try await Task.sleep(for: .milliseconds(20))
            }
            await worker.stop(grace: .milliseconds(100))
            let handedBack = try await XCTUnwrapAsync(try await JobRecord.query(on: app.db).first())
            XCTAssertEqual(handedBack.status, .queued, "another worker may take it at once")
            XCTAssertNil(handedBack.leaseOwner)
            finish.withLockedValue { $0 = true }
            await worker.stop(grace: .seconds(5))
            let after = try await JobRecord.query(on: app.db).first()?.status
            XCTAssertEqual(after, .queued, "the stopped worker's late finish cannot write")
            try await app.jobWorker.drain()
            let done = try await MatchRun.find(run, on: app.db)?.status
            XCTAssertEqual(done, .completed)
        }
    }
}

/// A counter closures can share.
final class NIOLockedCounter: Sendable {
    private let box = NIOLockedValueBox(0)
    func increment() { box.withLockedValue { $0 += 1 } }
    var value: Int { box.withLockedValue { $0 } }
}
