@testable import App
import Fluent
import Foundation
import XCTVapor
import XCTest

/// The sendmail transport, driven against a stand-in sendmail that records what it is given.
final class MailDeliveryTests: AppTestCase {
    func fakeSendmail(exitCode: Int32) throws -> (script: String, captured: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ix-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let captured = directory.appendingPathComponent("mail.txt").path
        let script = directory.appendingPathComponent("sendmail").path
        try "#!/bin/sh\necho \"$@\" >> \(captured)\ncat >> \(captured)\nexit \(exitCode)\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (script, captured)
    }

    func testQueuedMessagesAreHandedToSendmailAndTheDeliveryIsAudited() async throws {
        let sendmail = try fakeSendmail(exitCode: 0)
        try await withTestApp(adjust: { $0.mailTransport = .sendmail; $0.sendmailPath = sendmail.script }) { app in
            let queued = try await MailMessage.query(on: app.db).filter(\.$status == .queued).count()
            XCTAssertEqual(queued, 1, "the demo's registration notice waits for the transport")
            try await SendmailDelivery(sendmailPath: sendmail.script, from: app.configuration.mailFrom).deliverQueued(app: app)

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

    func testFailedDeliveriesAreRetriedThenMarkedFailed() async throws {
        let sendmail = try fakeSendmail(exitCode: 75)
        try await withTestApp(adjust: { $0.mailTransport = .sendmail }) { app in
            let delivery = SendmailDelivery(sendmailPath: sendmail.script, from: app.configuration.mailFrom)
            for _ in 0..<4 { try await delivery.deliverQueued(app: app) }
            let retrying = try await MailMessage.query(on: app.db).first()
            XCTAssertEqual(retrying?.status, .queued)
            XCTAssertEqual(retrying?.attempts, 4)
            try await delivery.deliverQueued(app: app)
            let failed = try await MailMessage.query(on: app.db).first()
            XCTAssertEqual(failed?.status, .failed)
            let failures = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "mail.failed").count()
            XCTAssertEqual(failures, 5)
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
