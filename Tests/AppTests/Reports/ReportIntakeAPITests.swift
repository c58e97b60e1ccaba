@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Reporting over JSON, as an app for reporters uses it: no account, no cookie, the pages' token and receipt.
final class ReportIntakeAPITests: AppTestCase {
    private struct Form: Decodable { let token: String; let version: Int }
    private struct Sent: Decodable { let receipt: String }
    private struct Thread: Decodable {
        struct Message: Decodable { let text: String; let fromReporter: Bool }
        let status: String
        let messages: [Message]
        let replyToken: String
    }

    private let misconduct = SeedQuestionnaire.officialMisconduct.key

    private func call(_ app: Application, _ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> XCTHTTPResponse {
        try await APIClient(app: app, token: nil).send(method, path, json: json)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: XCTHTTPResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(response.body.readableBytesView))
    }

    private func token(_ app: Application, _ key: String) async throws -> String {
        try decode(Form.self, try await call(app, .GET, "/api/v1/reporting/subjects/\(key)")).token
    }

    func testAReporterSendsAReportKeepsTheReceiptAndAnswersAQuestion() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let subjects = try await call(app, .GET, "/api/v1/reporting/subjects")
            XCTAssertTrue(subjects.body.string.contains(misconduct))
            XCTAssertNil(subjects.headers.first(name: .setCookie), "no cookie, ever")
            let form = try await call(app, .GET, "/api/v1/reporting/subjects/\(misconduct)")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains(#""handlers-involved""#), "the questionnaire, to ask its questions")
            let token = try decode(Form.self, form).token

            let body = #"{"token":"\#(token)","answers":{"kind":["theft"],"account":["The fees vanish. (API)"],"handlers-involved":["no"]}}"#
            let sent = try await call(app, .POST, "/api/v1/reporting/subjects/\(misconduct)/reports", json: body)
            XCTAssertEqual(sent.status, .created, sent.body.string)
            XCTAssertEqual(sent.headers.first(name: .cacheControl), "no-store")
            let receipt = try decode(Sent.self, sent).receipt
            XCTAssertNotNil(Receipt(typed: receipt))
            let again = try await call(app, .POST, "/api/v1/reporting/subjects/\(misconduct)/reports", json: body)
            XCTAssertEqual(try decode(Sent.self, again).receipt, receipt, "the same token finds the same report")
            let reports = try await Report.query(on: app.db).count()
            XCTAssertEqual(reports, 1)

            let id = try await app.registry.reportIntake.open(receipt: receipt).reportID
            let key = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            try await app.registry.reportIntake.ask(id, as: unit, privateKey: key, text: "Which office?")
            let opened = try await call(app, .POST, "/api/v1/reporting/follow-up", json: #"{"receipt":"\#(receipt)"}"#)
            let thread = try decode(Thread.self, opened)
            XCTAssertEqual(thread.status, "received")
            XCTAssertEqual(thread.messages.map(\.text), ["Which office?"])
            let reply = #"{"receipt":"\#(receipt)","token":"\#(thread.replyToken)","text":"Room 4."}"#
            let replied = try await call(app, .POST, "/api/v1/reporting/follow-up/reply", json: reply)
            XCTAssertEqual(replied.status, .noContent, replied.body.string)
            let after = try decode(Thread.self, try await call(app, .POST, "/api/v1/reporting/follow-up", json: #"{"receipt":"\#(receipt)"}"#))
            XCTAssertEqual(after.messages.last?.text, "Room 4.")
            XCTAssertEqual(after.messages.last?.fromReporter, true)

            let wrong = try await call(app, .POST, "/api/v1/reporting/follow-up", json: #"{"receipt":"1234 5678 1234 5678"}"#)
            XCTAssertEqual(wrong.status, .notFound)
        }
    }

    func testBadInputIsNamedAndARuleSendsTheReporterElsewhere() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let missing = try await call(app, .POST, "/api/v1/reporting/subjects/\(misconduct)/reports",
                                         json: #"{"token":"\#(try await token(app, misconduct))","answers":{"kind":["theft"]}}"#)
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.body.string.contains(#""account""#), missing.body.string)
            let bribery = SeedQuestionnaire.bribery.key
            let danger = try await APIClient(app: app, token: nil).send(.POST, "/api/v1/reporting/subjects/\(bribery)/reports",
                                                                        json: #"{"token":"\#(try await token(app, bribery))","answers":{"danger":["yes"]}}"#,
                                                                        headers: ["Accept-Language": "fr"])
            XCTAssertEqual(danger.status, .unprocessableEntity)
            XCTAssertTrue(danger.body.string.contains("urgence"), "the rule's explanation, in the reporter's language: \(danger.body.string)")
            let forged = try await call(app, .POST, "/api/v1/reporting/subjects/\(misconduct)/reports", json: #"{"token":"x.y.z","answers":{}}"#)
            XCTAssertEqual(forged.status, .conflict)
            let other = try await call(app, .POST, "/api/v1/reporting/subjects/\(misconduct)/reports",
                                       json: #"{"token":"\#(try await token(app, bribery))","answers":{}}"#)
            XCTAssertEqual(other.status, .conflict, "a token is for one subject")
            let unknown = try await call(app, .GET, "/api/v1/reporting/subjects/no-such-subject")
            XCTAssertEqual(unknown.status, .notFound)
            let count = try await Report.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testEightSendingsOfEachRequestActOnce() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let misconduct = misconduct
            let body = #"{"token":"\#(try await token(app, misconduct))","answers":{"kind":["abuse"],"account":["x"],"handlers-involved":["no"]}}"#
            let sent = try await eightTimes("sealed_report.submit", on: app) {
                try await APIClient(app: app, token: nil).send(.POST, "/api/v1/reporting/subjects/\(misconduct)/reports", json: body)
            }
            XCTAssertEqual(sent, 1)
            let receipt = try await app.registry.reportIntake.submit(to: misconduct, answers: ["kind": ["abuse"], "account": ["x"], "handlers-involved": ["no"]], regions: [])
            let open = #"{"receipt":"\#(receipt.value)"}"#
            let opened = try await Concurrently.fire(8) { try await APIClient(app: app, token: nil).send(.POST, "/api/v1/reporting/follow-up", json: open) }
            XCTAssertEqual(Set(opened), [.ok], "opening changes nothing, however often")
            let replyToken = try decode(Thread.self, try await call(app, .POST, "/api/v1/reporting/follow-up", json: open)).replyToken
            let reply = #"{"receipt":"\#(receipt.value)","token":"\#(replyToken)","text":"Once."}"#
            let replies = try await eightTimes("sealed_report.message", on: app) {
                try await APIClient(app: app, token: nil).send(.POST, "/api/v1/reporting/follow-up/reply", json: reply)
            }
            XCTAssertEqual(replies, 1, "one reply token keeps one message")
        }
    }
}
