@testable import App
import Fluent
import Foundation
import XCTVapor
import XCTest

/// The sendmail transport, driven against a stand-in sendmail that records what it is given.
final class MailDeliveryTests: AppTestCase {
    func testQueuedMessagesAreHandedToSendmailAndTheDeliveryIsAudited() async throws {
        let sendmail = try fakeSendmail(exitCode: 0)
        try await withTestApp(adjust: { $0.mailTransport = .sendmail; $0.sendmailPath = sendmail.script }) { app in
            let queued = try await MailMessage.query(on: app.db).filter(\.$status == .queued).count()
            XCTAssertEqual(queued, 1, "the demo's registration notice waits for the transport")
            let jobs = try await JobRecord.query(on: app.db).filter(\.$kind == .mail).count()
            XCTAssertEqual(jobs, 1, "its delivery job was written with it")
            try await app.jobWorker.drain()

            let message = try await XCTUnwrapAsync(try await MailMessage.query(on: app.db).first())
            XCTAssertEqual(message.status, .sent)
            XCTAssertNotNil(message.sentAt)
            let handed = try String(contentsOfFile: sendmail.captured, encoding: .utf8)
            XCTAssertContains(handed, "-t -i")
            XCTAssertContains(handed, "To: pending@demo.integrity.invalid")
            XCTAssertContains(handed, "Subject: We received your registration")
            XCTAssertContains(handed, "Content-Language: en")
            let delivered = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "mail.delivered").count()
            XCTAssertEqual(delivered, 1)
            guard case .intact = try await Platform.verifyAuditLog(app) else { return XCTFail("the log must stay valid") }
        }
    }

    func testFailedDeliveriesAreRetriedWithBackoffThenMarkedFailed() async throws {
        let sendmail = try fakeSendmail(exitCode: 75)
        try await withTestApp(adjust: { $0.mailTransport = .sendmail; $0.sendmailPath = sendmail.script }) { app in
            for attempt in 1...4 {
                try await app.jobWorker.drain()
                let retrying = try await MailMessage.query(on: app.db).first()
                XCTAssertEqual(retrying?.status, .queued)
                XCTAssertEqual(retrying?.attempts, attempt)
                try await app.jobWorker.drain()
                let waiting = try await MailMessage.query(on: app.db).first()
                XCTAssertEqual(waiting?.attempts, attempt, "not tried again before its backoff")
                self.clock.advance(by: JobQueue.backoff(afterAttempt: attempt) + 1)
            }
            try await app.jobWorker.drain()
            let failed = try await MailMessage.query(on: app.db).first()
            XCTAssertEqual(failed?.status, .failed)
            let failures = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "mail.failed").count()
            XCTAssertEqual(failures, 5)
            let job = try await JobRecord.query(on: app.db).filter(\.$kind == .mail).first()
            XCTAssertEqual(job?.status, .completed, "the job ends with the message's last attempt")
        }
    }

    /// Eight workers (any instances) claiming at once hand a message to sendmail once; a reclaimed job whose message
    /// is already being sent hands nothing.
    func testEightWorkersAtOnceSendAMessageOnce() async throws {
        let sendmail = try fakeSendmail(exitCode: 0)
        try await withTestApp(adjust: { $0.mailTransport = .sendmail; $0.sendmailPath = sendmail.script }) { app in
            let workers = (0..<8).map { _ in JobWorker(app: app, handlers: app.jobWorker.handlers) }
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for worker in workers { group.addTask { try await worker.runOnce() } }
                for try await _ in group {}
            }
            let handed = try String(contentsOfFile: sendmail.captured, encoding: .utf8)
            XCTAssertEqual(handed.components(separatedBy: "To: pending@demo.integrity.invalid").count - 1, 1)
            let delivered = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "mail.delivered").count()
            XCTAssertEqual(delivered, 1)

            // The job run again (its worker died before marking it done, and the lease ran out): nothing is re-sent.
            try await JobRecord.query(on: app.db).filter(\.$kind == .mail).set(\.$status, to: .queued).update()
            try await app.jobWorker.drain()
            let again = try String(contentsOfFile: sendmail.captured, encoding: .utf8)
            XCTAssertEqual(again.components(separatedBy: "To: pending@demo.integrity.invalid").count - 1, 1, "handed over once")

            try await SendmailDelivery.queueBacklog(app)
            let jobs = try await JobRecord.query(on: app.db).filter(\.$kind == .mail).count()
            XCTAssertEqual(jobs, 1, "a message with a job gets no second one")
        }
    }

    func testWithoutATransportMessagesStayInTheOutboxForAdministrators() async throws {
        try await withTestApp { app in
            let kept = try await MailMessage.query(on: app.db).filter(\.$status == .kept).count()
            XCTAssertEqual(kept, 1)
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            let outbox = try await admin.get("/outbox")
            XCTAssertContains(outbox.body.string, "We received your registration")
            let message = try await XCTUnwrapAsync(try await MailMessage.query(on: app.db).first())
            let detail = try await admin.get("/outbox/\(message.id!.uuidString)")
            XCTAssertContains(detail.body.string, "Thank you for registering")
        }
    }
}
