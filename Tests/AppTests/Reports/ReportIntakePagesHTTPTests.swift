@testable import App
import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import XCTVapor

/// The reporting pages over HTTP: no cookie in or out, the form's own token, one report per form, the receipt's
/// way back, and errors in the reader's language.
final class ReportIntakePagesHTTPTests: AppTestCase {
    private func ready(_ app: Application) async throws {
        try await app.registry.reportContexts.seed()
        let unit = try await user(Demo.publicES, on: app)
        for key in SeedQuestionnaire.allCases.map(\.key) {
            let context = try await XCTUnwrapAsync(try await ReportContext.query(on: app.db).filter(\.$key == key).first())
            try await app.registry.reportContexts.setRecipients([.init(key: SeedQuestionnaire.integrityUnit, organisationID: try XCTUnwrap(unit.$organisation.id))],
                                                                of: context, by: try await user(Demo.coordinator, on: app))
        }
        _ = try await app.registry.recipientKeys.create(for: unit, password: Demo.password)
    }

    private func token(in html: String) throws -> String {
        let marker = #"name="_token" value=""#
        let start = try XCTUnwrap(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    private func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
    }

    private func post(_ app: Application, _ path: String, _ fields: [(String, String)], cookie: String? = nil) async throws -> XCTHTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return try await send(app, .POST, path, headers: headers, body: form(fields))
    }

    private func assertNoTrace(_ response: XCTHTTPResponse, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(response.headers.first(name: .setCookie), "no cookie is set", file: file, line: line)
        XCTAssertEqual(response.headers.first(name: .cacheControl), "no-store", file: file, line: line)
        XCTAssertEqual(response.headers.first(name: "Referrer-Policy"), "no-referrer", file: file, line: line)
    }

    func testAReportIsSentWithoutACookieAndTheSameFormSentTwiceMakesOneReport() async throws {
        try await withTestApp { app in
            try await ready(app)
            let list = try await send(app, .GET, "/reporting")
            XCTAssertEqual(list.status, .ok)
            assertNoTrace(list)
            XCTAssertContains(list.body.string, "/reporting/new/official-misconduct")

            let page = try await send(app, .GET, "/reporting/new/official-misconduct?lang=fr")
            XCTAssertEqual(page.status, .ok)
            assertNoTrace(page)
            XCTAssertContains(page.body.string, "Manquement d’un agent public")
            let answers = [("_token", try token(in: page.body.string)), ("kind", "theft"), ("account", "The director keeps the fees."),
                           ("handlers-involved", "no"), ("amount", "1200"), ("age", "30-59")]
            let sent = try await post(app, "/reporting/new/official-misconduct?lang=fr", answers)
            XCTAssertEqual(sent.status, .ok)
            assertNoTrace(sent)
            XCTAssertContains(sent.body.string, "Votre reçu")
            let again = try await post(app, "/reporting/new/official-misconduct?lang=fr", answers)
            XCTAssertEqual(again.status, .ok)
            let receipt = { (html: String) in html.range(of: #"\d{4} \d{4} \d{4} \d{4}"#, options: .regularExpression).map { String(html[$0]) } }
            XCTAssertNotNil(receipt(sent.body.string))
            XCTAssertEqual(receipt(again.body.string), receipt(sent.body.string), "a second click shows the same receipt")
            let reports = try await Report.query(on: app.db).count()
            XCTAssertEqual(reports, 1, "one form makes one report")
            let sessions = try await StoredSession.query(on: app.db).count()
            XCTAssertEqual(sessions, 0, "no session is made, even on the server")
        }
    }

    func testTheReceiptOpensTheThreadAndAReplyIsKept() async throws {
        try await withTestApp { app in
            try await ready(app)
            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: ["kind": ["abuse"], "account": ["x"], "handlers-involved": ["no"]], regions: [])
            let opened = try await post(app, "/reporting/follow-up?lang=es", [("receipt", receipt.description)])
            XCTAssertEqual(opened.status, .ok)
            assertNoTrace(opened)
            XCTAssertContains(opened.body.string, "Recibida")
            let reply = try token(in: opened.body.string)
            let replied = try await post(app, "/reporting/follow-up/reply?lang=es", [("receipt", receipt.value), ("_token", reply), ("message", "Room 4")])
            XCTAssertEqual(replied.status, .ok)
            XCTAssertContains(replied.body.string, "Room 4")
            let twice = try await post(app, "/reporting/follow-up/reply?lang=es", [("receipt", receipt.value), ("_token", reply), ("message", "Room 4")])
            XCTAssertEqual(twice.status, .ok, "the same reply form sent twice keeps one message")
            let empty = try await post(app, "/reporting/follow-up/reply?lang=es", [("receipt", receipt.value), ("_token", try token(in: replied.body.string)), ("message", " ")])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let wrong = try await post(app, "/reporting/follow-up?lang=fr", [("receipt", "1111 2222 3333 4444")])
            XCTAssertEqual(wrong.status, .notFound)
            XCTAssertContains(wrong.body.string, "Aucun signalement ne s’ouvre avec ce reçu")
            let messages = try await ReportMessage.query(on: app.db).count()
            XCTAssertEqual(messages, 1)
        }
    }

    func testBadAnswersABlockAndAForeignFormAreRefusedInTheReadersLanguage() async throws {
        try await withTestApp { app in
            try await ready(app)
            let page = try await send(app, .GET, "/reporting/new/bribery-in-public-services?lang=es")
            let token = try token(in: page.body.string)
            let missing = try await post(app, "/reporting/new/bribery-in-public-services?lang=es", [("_token", token), ("danger", "no")])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertContains(missing.body.string, "¿Qué servicio era?")
            let blocked = try await post(app, "/reporting/new/bribery-in-public-services?lang=es",
                                         [("_token", token), ("danger", "yes"), ("service", "health"), ("account", "x")])
            XCTAssertEqual(blocked.status, .unprocessableEntity)
            XCTAssertContains(blocked.body.string, "112")
            let foreign = try await post(app, "/reporting/new/official-misconduct?lang=es", [("_token", token), ("kind", "abuse")])
            XCTAssertEqual(foreign.status, .conflict, "a token is for its own context")
            let none = try await post(app, "/reporting/new/official-misconduct", [("kind", "abuse")])
            XCTAssertEqual(none.status, .conflict)
            let unknown = try await send(app, .GET, "/reporting/new/no-such-subject")
            XCTAssertEqual(unknown.status, .notFound)
            let reports = try await Report.query(on: app.db).count()
            XCTAssertEqual(reports, 0)
        }
    }

    func testAComplaintOffersUpdatesByEmailAndABadAddressIsRefusedWithTheAnswersKept() async throws {
        try await withTestApp { app in
            try await ready(app)
            let complaint = try await send(app, .GET, "/reporting/new/bribery-in-public-services?lang=fr")
            XCTAssertContains(complaint.body.string, #"name="updates_email""#)
            let whistleblowing = try await send(app, .GET, "/reporting/new/official-misconduct?lang=fr")
            XCTAssertFalse(whistleblowing.body.string.contains("updates_email"), "a whistleblower follows with the receipt alone")
            let fields = [("_token", try token(in: complaint.body.string)), ("danger", "no"), ("service", "health"),
                          ("account", "A nurse asked for cash."), ("updates_email", "not-an-address")]
            let bad = try await post(app, "/reporting/new/bribery-in-public-services?lang=fr", fields)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertContains(bad.body.string, "A nurse asked for cash.")
            XCTAssertContains(bad.body.string, #"value="not-an-address""#)
            let none = try await Report.query(on: app.db).count()
            XCTAssertEqual(none, 0, "nothing is half written")
            let good = try await post(app, "/reporting/new/bribery-in-public-services?lang=fr",
                                      fields.dropLast() + [("updates_email", "Someone@Example.org")])
            XCTAssertEqual(good.status, .ok)
            let report = try await XCTUnwrapAsync(try await Report.query(on: app.db).first())
            XCTAssertNotNil(report.contact, "kept, sealed")
        }
    }

    func testASignedInVisitorsCookieIsNeitherReadNorRenewed() async throws {
        try await withTestApp { app in
            try await ready(app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let signedIn = try await coordinator.get("/")
            XCTAssertContains(signedIn.body.string, "SessionRoute".isEmpty ? "" : "/logout")
            let page = try await coordinator.get("/reporting")
            XCTAssertEqual(page.status, .ok)
            XCTAssertNil(page.headers.first(name: .setCookie))
            XCTAssertFalse(page.body.string.contains("/logout"), "the page does not know who is signed in")
        }
    }

    func testEightSendingsOfOneFormMakeOneReport() async throws {
        try await withTestApp { app in
            try await ready(app)
            let page = try await send(app, .GET, "/reporting/new/official-misconduct")
            let answers = [("_token", try token(in: page.body.string)), ("kind", "abuse"), ("account", "x"), ("handlers-involved", "no")]
            let body = form(answers)
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            let statuses = try await Concurrently.fire(8) { try await send(app, .POST, "/reporting/new/official-misconduct", headers: headers, body: body) }
            XCTAssertEqual(Set(statuses), [.ok], "\(statuses)")
            let reports = try await Report.query(on: app.db).count()
            XCTAssertEqual(reports, 1)
            let entries = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.submit").count()
            XCTAssertEqual(entries, 1)

            let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                                     answers: ["kind": ["abuse"], "account": ["x"], "handlers-involved": ["no"]], regions: [])
            let open = form([("receipt", receipt.value)])
            let opened = try await Concurrently.fire(8) { try await send(app, .POST, "/reporting/follow-up", headers: headers, body: open) }
            XCTAssertEqual(Set(opened), [.ok], "opening changes nothing, however often")
            let thread = try await send(app, .POST, "/reporting/follow-up", headers: headers, body: open)
            let reply = form([("receipt", receipt.value), ("_token", try token(in: thread.body.string)), ("message", "Room 4")])
            let replies = try await Concurrently.fire(8) { try await send(app, .POST, "/reporting/follow-up/reply", headers: headers, body: reply) }
            XCTAssertEqual(Set(replies), [.ok], "\(replies)")
            let messages = try await ReportMessage.query(on: app.db).count()
            XCTAssertEqual(messages, 1, "eight sendings of one reply form keep one message")
            let changes = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["sealed_report.submit", "sealed_report.message"]).count()
            XCTAssertEqual(changes, 3)
        }
    }

    func testPastTheSubjectsLimitTheFormComesBackWithItsAnswersAndOtherSubjectsStillTakeReports() async throws {
        try await withTestApp(adjust: { ($0.reportSubmissions, $0.reportSubmissionsPerSubject) = (10, 1) }) { app in
            try await ready(app)
            _ = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
                "kind": ["theft"], "account": ["First."], "handlers-involved": ["no"]], regions: [])
            let page = try await send(app, .GET, "/reporting/new/official-misconduct?lang=es")
            let answers = [("_token", try token(in: page.body.string)), ("kind", "theft"), ("account", "The director keeps the fees."),
                           ("handlers-involved", "no")]
            let refused = try await post(app, "/reporting/new/official-misconduct?lang=es", answers)
            XCTAssertEqual(refused.status, .tooManyRequests)
            assertNoTrace(refused)
            XCTAssertContains(refused.body.string, "dentro de diez minutos")
            XCTAssertContains(refused.body.string, "The director keeps the fees.")
            let stored = try await Report.query(on: app.db).count()
            XCTAssertEqual(stored, 1, "nothing of the refused report is kept")

            let other = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.bribery.key, answers: [
                "danger": ["no"], "service": ["health"], "account": ["Cash asked."], "where": ["039"]], regions: Set(WorldRegion.all.map(\.code)))
            XCTAssertEqual(other.value.filter(\.isNumber).count, 16, "another subject still takes reports")
            clock.advance(by: WindowCounter.window)
            let later = try await post(app, "/reporting/new/official-misconduct?lang=es", answers)
            XCTAssertEqual(later.status, .ok, "the next window takes it")
        }
    }
}

/// One request as a browser without cookies sends it.
private func send(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> XCTHTTPResponse {
    var captured: XCTHTTPResponse?
    try await app.test(method, path, headers: headers, body: body, afterResponse: { res async in captured = res })
    return try XCTUnwrap(captured)
}
