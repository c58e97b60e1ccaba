@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Recipients read and answer reports through the API with a key their client holds half of; nobody else reads,
/// and nothing opens without it.
final class ReceivedReportsAPITests: AppTestCase {
    private struct Unlocked: Decodable { let readerKey: String }

    private func report(_ app: Application, handlersInvolved: Bool = false) async throws -> (Receipt, UUID) {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["The fees vanish."], "handlers-involved": [handlersInvolved ? "yes" : "no"]], regions: [])
        return (receipt, try await app.registry.reportIntake.open(receipt: receipt.value).reportID)
    }

    private func unlock(_ client: APIClient, password: String = Demo.password) async throws -> XCTHTTPResponse {
        try await client.send(.POST, "/api/v1/reader-keys", json: #"{"password":"\#(password)"}"#)
    }

    private func readerKey(_ response: XCTHTTPResponse) throws -> HTTPHeaders {
        let key = try JSONDecoder().decode(Unlocked.self, from: Data(response.body.readableBytesView)).readerKey
        return [APIReaderKey.header: key]
    }

    func testARecipientUnlocksReadsAsksAndMovesAReport() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let (receipt, id) = try await report(app)
            let office = try await APIClient.forUser(unit, app: app)

            let wrong = try await unlock(office, password: "not it")
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            let unlocked = try await unlock(office)
            XCTAssertEqual(unlocked.status, .created, unlocked.body.string)
            XCTAssertEqual(unlocked.headers.first(name: .cacheControl), "no-store")
            let key = try readerKey(unlocked)
            let stored = try await APIReaderKey.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertFalse(stored[0].sealed.isEmpty)
            XCTAssertFalse(key.first(name: APIReaderKey.header)!.contains(stored[0].sealed.base64URLEncoded()), "the client holds the half, not the seal")

            let listed = try await office.send(.GET, "/api/v1/received-reports")
            XCTAssertTrue(listed.body.string.contains(id.uuidString.uppercased()) || listed.body.string.contains(id.uuidString.lowercased()), listed.body.string)
            let locked = try await office.send(.GET, "/api/v1/received-reports/\(id)")
            XCTAssertEqual(locked.status, .forbidden)
            XCTAssertTrue(locked.body.string.contains("reader_key_required"))
            let opened = try await office.send(.GET, "/api/v1/received-reports/\(id)", headers: key)
            XCTAssertEqual(opened.status, .ok, opened.body.string)
            XCTAssertTrue(opened.body.string.contains("The fees vanish."))

            let asked = try await office.send(.POST, "/api/v1/received-reports/\(id)/messages", json: #"{"text":"Which office? (API)"}"#, headers: key)
            XCTAssertEqual(asked.status, .noContent, asked.body.string)
            let thread = try await app.registry.reportIntake.open(receipt: receipt.value)
            XCTAssertEqual(thread.messages.last?.text, "Which office? (API)")
            let moved = try await office.send(.POST, "/api/v1/received-reports/\(id)/status",
                                              json: #"{"from":"received","to":"underReview","explanation":"We are checking."}"#, headers: key)
            XCTAssertEqual(moved.status, .noContent, moved.body.string)
            let stale = try await office.send(.POST, "/api/v1/received-reports/\(id)/status",
                                              json: #"{"from":"received","to":"underReview","explanation":"Again."}"#, headers: key)
            XCTAssertEqual(stale.status, .conflict)

            clock.advance(by: APIReaderKey.lifetime + 1)
            let expired = try await office.send(.GET, "/api/v1/received-reports/\(id)", headers: key)
            XCTAssertEqual(expired.status, .forbidden, "an hour later the key is closed")
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "recipient_key.unlock").count()
            XCTAssertEqual(audited, 1)
        }
    }

    func testNobodyElseOpensItAndAnExcludedRecipientFindsNothing() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let (_, implicated) = try await report(app, handlersInvolved: true)
            let office = try await APIClient.forUser(unit, app: app), agency = try await APIClient.forUser(ombudsman, app: app)
            let officeKey = try readerKey(try await unlock(office))
            let hidden = try await office.send(.GET, "/api/v1/received-reports/\(implicated)", headers: officeKey)
            XCTAssertEqual(hidden.status, .notFound, "the report names the office's handlers: it was never wrapped for them")
            let borrowed = try await agency.send(.GET, "/api/v1/received-reports/\(implicated)", headers: officeKey)
            XCTAssertEqual(borrowed.status, .forbidden, "a key is bound to the person who opened it")
            let agencyKey = try readerKey(try await unlock(agency))
            let read = try await agency.send(.GET, "/api/v1/received-reports/\(implicated)", headers: agencyKey)
            XCTAssertEqual(read.status, .ok)
            var forged = Array(Data(base64URLEncoded: agencyKey.first(name: APIReaderKey.header)!)!)
            forged[40] ^= 1
            let tampered = try await agency.send(.GET, "/api/v1/received-reports/\(implicated)", headers: [APIReaderKey.header: Data(forged).base64URLEncoded()])
            XCTAssertEqual(tampered.status, .forbidden)

            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let noKey = try await unlock(expert)
            XCTAssertEqual(noKey.status, .forbidden, "someone without a key pair has nothing to unlock")
            XCTAssertTrue(noKey.body.string.contains("reader_key_missing"))
            let none = try await expert.send(.GET, "/api/v1/received-reports")
            XCTAssertEqual(none.body.string, "[]")
        }
    }

    func testEightRequestsOfEachChangeTakeEffectOnce() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let (receipt, id) = try await report(app)
            let office = try await APIClient.forUser(unit, app: app)
            let statuses = try await Concurrently.fire(8) {
                try await office.send(.POST, "/api/v1/reader-keys", json: #"{"password":"\#(Demo.password)"}"#)
            }
            XCTAssertEqual(Set(statuses.map(\.code)), [201])
            let handles = try await APIReaderKey.query(on: app.db).count()
            XCTAssertEqual(handles, 1, "each unlock replaces the key handed out before: one stays open")

            let key = try readerKey(try await unlock(office))
            var once = key
            once.add(name: IdempotencyMiddleware.header, value: "ask-\(id)")
            let sent = once
            let asked = try await eightTimes("sealed_report.message", on: app) {
                try await office.send(.POST, "/api/v1/received-reports/\(id)/messages", json: #"{"text":"Once, please."}"#, headers: sent)
            }
            XCTAssertEqual(asked, 1, "one Idempotency-Key, one message")
            let moved = try await eightTimes("sealed_report.status", on: app) {
                try await office.send(.POST, "/api/v1/received-reports/\(id)/status", json: #"{"from":"received","to":"underReview","explanation":"Once."}"#, headers: key)
            }
            XCTAssertEqual(moved, 1, "the first move wins; the others find it moved (409)")
            let thread = try await app.registry.reportIntake.open(receipt: receipt.value)
            XCTAssertEqual(thread.messages.filter { $0.text == "Once, please." }.count, 1)
        }
    }
}
