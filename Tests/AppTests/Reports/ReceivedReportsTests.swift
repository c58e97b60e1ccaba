@testable import App
import Crypto
import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import XCTVapor

/// Recipients' pages: making a key, opening it for a session, reading, asking; and who may not.
final class ReceivedReportsTests: AppTestCase {
    /// The seed subjects, received by Demo.publicES's organisation.
    private func subjects(_ app: Application) async throws {
        try await app.registry.reportContexts.seed()
        let office = try await user(Demo.publicES, on: app)
        for context in try await ReportContext.query(on: app.db).all() {
            try await app.registry.reportContexts.setRecipients([.init(key: SeedQuestionnaire.integrityUnit, organisationID: try XCTUnwrap(office.$organisation.id))],
                                                                of: context, by: try await user(Demo.coordinator, on: app))
        }
    }

    private func report(_ app: Application) async throws -> Receipt {
        try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key,
                                                   answers: ["kind": ["theft"], "account": ["The fees vanish."], "handlers-involved": ["no"], "amount": ["1200.5"]],
                                                   regions: [])
    }

    func testARecipientMakesAKeyReadsAReportAndAsksTheReporter() async throws {
        try await withTestApp { app in
            try await subjects(app)
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            let empty = try await office.get("/received-reports")
            XCTAssertContains(empty.body.string, "Crear su clave")
            let wrong = try await office.post("/received-reports/key", form: ["password": "not it"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertContains(wrong.body.string, "Esta no es su contraseña de acceso.")
            let made = try await office.post("/received-reports/key", form: ["password": Demo.password])
            XCTAssertEqual(made.status, .ok)
            XCTAssertNotNil(made.body.string.range(of: #"([0-9a-f]{8} ){7}[0-9a-f]{8}"#, options: .regularExpression), "the recovery key, shown once")
            XCTAssertNotNil(office.otherCookies[ReaderKeyCookie.cookieName], "the browser holds its half of the open key")

            let receipt = try await report(app)
            let list = try await office.get("/received-reports")
            XCTAssertContains(list.body.string, "Falta de un funcionario público")
            let reportID = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).requireID()
            let page = try await office.get("/received-reports/\(reportID)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertContains(page.body.string, "The fees vanish.")
            XCTAssertContains(page.body.string, "Tomar dinero o bienes públicos")
            XCTAssertContains(page.body.string, "1200,5")

            let asked = try await office.post("/received-reports/\(reportID)/messages", form: ["message": "Which months?"])
            XCTAssertEqual(asked.status, .seeOther)
            let blank = try await office.post("/received-reports/\(reportID)/messages", form: ["message": " "])
            XCTAssertEqual(blank.status, .unprocessableEntity)
            let thread = try await app.registry.reportIntake.open(receipt: receipt.value)
            XCTAssertEqual(thread.messages.map(\.text), ["Which months?"], "the reporter reads it with the receipt")
        }
    }

    func testWithoutItsBrowserHalfTheKeyMustBeOpenedAgain() async throws {
        try await withTestApp { app in
            try await subjects(app)
            _ = try await app.registry.recipientKeys.create(for: try await user(Demo.publicES, on: app), password: Demo.password)
            _ = try await report(app)
            let reportID = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).requireID()
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            let locked = try await office.get("/received-reports/\(reportID)")
            XCTAssertEqual(locked.status, .seeOther, "a locked key sends the reader to open it")
            let wrong = try await office.post("/received-reports/unlock", form: ["password": "wrong"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            let opened = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            XCTAssertEqual(opened.status, .seeOther)
            let page = try await office.get("/received-reports/\(reportID)")
            XCTAssertEqual(page.status, .ok)
            office.otherCookies = [:]
            let halfGone = try await office.get("/received-reports/\(reportID)")
            XCTAssertEqual(halfGone.status, .seeOther, "the session alone cannot open the key")
            let stored = try await StoredSession.query(on: app.db).all().map { "\($0)" }.joined()
            XCTAssertFalse(stored.contains(Demo.password))
        }
    }

    func testOthersCannotReadEvenWithAKeyOfTheirOwn() async throws {
        try await withTestApp { app in
            try await subjects(app)
            _ = try await app.registry.recipientKeys.create(for: try await user(Demo.publicES, on: app), password: Demo.password)
            _ = try await report(app)
            let reportID = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).requireID()
            var stranger = BrowserSession(app: app)
            try await stranger.login(Demo.publicFR)
            _ = try await stranger.post("/received-reports/key", form: ["password": Demo.password])
            let list = try await stranger.get("/received-reports")
            XCTAssertFalse(list.body.string.contains("/received-reports/\(reportID)"), "a report not wrapped for them is not listed")
            let page = try await stranger.get("/received-reports/\(reportID)")
            XCTAssertEqual(page.status, .notFound)
            let asked = try await stranger.post("/received-reports/\(reportID)/messages", form: ["message": "Hello?"])
            XCTAssertEqual(asked.status, .notFound)
            var signedOut = BrowserSession(app: app)
            let visitor = try await signedOut.get("/received-reports")
            XCTAssertEqual(visitor.status, .seeOther, "signed-out visitors are sent to sign in")
            let messages = try await ReportMessage.query(on: app.db).count()
            XCTAssertEqual(messages, 0)
        }
    }

    func testAStatusMovesWithAnExplanationTheReporterReadsAndTwoMovesAtOnceKeepOne() async throws {
        try await withTestApp { app in
            try await subjects(app)
            let office = try await user(Demo.publicES, on: app)
            _ = try await app.registry.recipientKeys.create(for: office, password: Demo.password)
            let receipt = try await report(app)
            let reportID = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).requireID()
            var reader = BrowserSession(app: app)
            try await reader.login(Demo.publicES)
            _ = try await reader.post("/received-reports/unlock", form: ["password": Demo.password])
            let page = try await reader.get("/received-reports/\(reportID)")
            XCTAssertContains(page.body.string, #"<option value="underReview">En revisión</option>"#)
            XCTAssertFalse(page.body.string.contains(#"value="investigationOpened""#), "a received report is reviewed before an investigation opens")

            let unexplained = try await reader.post("/received-reports/\(reportID)/status", form: ["from": "received", "status": "underReview", "explanation": ""])
            XCTAssertEqual(unexplained.status, .unprocessableEntity)
            let skipping = try await reader.post("/received-reports/\(reportID)/status", form: ["from": "received", "status": "closedWithAction", "explanation": "Done."])
            XCTAssertEqual(skipping.status, .seeOther, "a refused move comes back as a flash on the page")
            let unmoved = try await XCTUnwrapAsync(try await Report.find(reportID, on: app.db)).status
            XCTAssertEqual(unmoved, .received)

            let raw = try await app.registry.recipientKeys.unlock(for: office, password: Demo.password).rawRepresentation
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for target in [ComplaintStatus.underReview, .referred] {
                    group.addTask {
                        do {
                            let key = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
                            try await app.registry.reportIntake.changeStatus(reportID, from: .received, to: target, explanation: "We are on it.", as: office, privateKey: key)
                            return target.rawValue
                        } catch AppError.conflict(let code) { return code }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { $0 == "report_status_changed" }.count, 1, "\(outcomes)")
            let stored = try await XCTUnwrapAsync(try await Report.find(reportID, on: app.db)).status
            XCTAssertEqual(stored.rawValue, outcomes.first { $0 != "report_status_changed" })
            let thread = try await app.registry.reportIntake.open(receipt: receipt.value)
            XCTAssertEqual(thread.status, stored)
            XCTAssertEqual(thread.messages.map(\.status), [stored], "one explanation, from the move that won")
            let moves = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.status").count()
            XCTAssertEqual(moves, 1)
        }
    }

    func testEightClicksOfEachFormTakeEffectOnce() async throws {
        try await withTestApp { app in
            try await subjects(app)
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.get("/received-reports")
            let first = office
            let made = try await Concurrently.fire(8) { var tab = first; return try await tab.post("/received-reports/key", form: ["password": Demo.password], once: true) }
            XCTAssertFalse(made.contains { $0.code >= 500 }, "\(made)")
            let keys = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "recipient_key.create").count()
            XCTAssertEqual(keys, 1)
            _ = try await report(app)
            let reportID = try await XCTUnwrapAsync(try await Report.query(on: app.db).first()).requireID()
            _ = try await office.get("/received-reports")
            let second = office
            let unlocked = try await Concurrently.fire(8) { var tab = second; return try await tab.post("/received-reports/unlock", form: ["password": Demo.password], once: true) }
            XCTAssertFalse(unlocked.contains { $0.code >= 500 }, "\(unlocked)")
            var reader = office
            _ = try await reader.post("/received-reports/unlock", form: ["password": Demo.password])
            _ = try await reader.get("/received-reports/\(reportID)")
            let third = reader
            let asked = try await Concurrently.fire(8) { var tab = third; return try await tab.post("/received-reports/\(reportID)/messages", form: ["message": "Which months?"], once: true) }
            XCTAssertFalse(asked.contains { $0.code >= 500 }, "\(asked)")
            let messages = try await ReportMessage.query(on: app.db).count()
            XCTAssertEqual(messages, 1, "eight clicks of one form ask once")
            _ = try await reader.get("/received-reports/\(reportID)")
            let fourth = reader
            let moved = try await Concurrently.fire(8) {
                var tab = fourth
                return try await tab.post("/received-reports/\(reportID)/status", form: ["from": "received", "status": "underReview", "explanation": "On it."], once: true)
            }
            XCTAssertFalse(moved.contains { $0.code >= 500 }, "\(moved)")
            let moves = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.status").count()
            XCTAssertEqual(moves, 1, "eight clicks move the report once")
        }
    }
}
