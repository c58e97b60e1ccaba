@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// A complainant who leaves an address is mailed once per move of their complaint, in their language, with nothing
/// but the new status; the address is sealed with the complaint and not kept in the outbox.
final class ComplainantUpdatesTests: AppTestCase {
    private let address = "canary-updates-9f3a@example.org"

    private func complaint(_ app: Application) async throws -> UUID {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.bribery.key, answers: briberyComplaint(region: "039"),
                                                                 regions: Set(WorldRegion.all.map(\.code)),
                                                                 contact: ComplainantContact(email: address, language: "fr"))
        return try await app.registry.reportIntake.open(receipt: receipt.value).reportID
    }

    func testEachMoveMailsTheComplainantOnceAndTheAddressIsNeverStoredInTheClear() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let id = try await complaint(app)
            let sealed = try await DatabaseScan(app.db).occurrences(of: address)
            XCTAssertEqual(sealed, [], "the address is sealed with the complaint")

            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            let tab = office, path = "/received-reports/\(id.uuidString.lowercased())/status"
            let moved = try await eightTimes("sealed_report.status", on: app) {
                var copy = tab
                return try await copy.post(path, form: ["from": "received", "status": "underReview", "explanation": "We are looking into it."])
            }
            XCTAssertEqual(moved, 1)
            let mails = try await MailMessage.query(on: app.db).filter(\.$subject == "Votre plainte a un nouveau statut").all()
            XCTAssertEqual(mails.count, 1, "one move, one mail")
            XCTAssertEqual(mails.first?.recipient, MailMessage.forgotten, "without a transport nothing needs the address")
            XCTAssertContains(mails.first?.body ?? "", "/reporting/follow-up?lang=fr")
            XCTAssertFalse(mails.first?.body.contains("We are looking into it.") ?? true, "the explanation is read with the receipt")
            let after = try await DatabaseScan(app.db).occurrences(of: address)
            XCTAssertEqual(after, [])
        }
    }

    func testWithSendmailTheAddressIsHandedOverThenForgotten() async throws {
        let sendmail = try fakeSendmail(exitCode: 0)
        try await withTestApp(adjust: { $0.mailTransport = .sendmail; $0.sendmailPath = sendmail.script }) { app in
            let (unit, _) = try await reportingRecipients(app)
            let id = try await complaint(app)
            let key = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            try await app.registry.reportIntake.changeStatus(id, from: .received, to: .underReview, explanation: "Looking.", as: unit, privateKey: key)
            let queued = try await MailMessage.query(on: app.db).filter(\.$recipient == address).count()
            XCTAssertEqual(queued, 1, "queued with its address until handed over")
            try await app.jobWorker.drain()
            let handed = try String(contentsOfFile: sendmail.captured, encoding: .utf8)
            XCTAssertContains(handed, "To: \(address)")
            let left = try await DatabaseScan(app.db).occurrences(of: address)
            XCTAssertEqual(left, [], "forgotten once sent")
        }
    }

    func testAWhistleblowerCannotLeaveAnAddress() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
                "kind": ["theft"], "account": ["The fees vanish."], "handlers-involved": ["no"]], regions: [],
                contact: ComplainantContact(email: address, language: "en"))
            let id = try await app.registry.reportIntake.open(receipt: receipt.value).reportID
            let report = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
            XCTAssertNil(report.contact)
        }
    }
}
