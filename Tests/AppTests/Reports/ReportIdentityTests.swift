@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// The sealed identity: sealed for custodians only, asked for in writing, opened to one reader when a custodian
/// approves; eight clicks make one request and one decision, and nobody else learns anything.
final class ReportIdentityTests: AppTestCase {
    private let canary = "canary-identity-8b2c"

    private func sealedReport(_ app: Application) async throws -> UUID {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["The fees vanish."], "handlers-involved": ["no"]], regions: [],
            identity: ReportIdentity(name: "Ana \(canary)", contact: "Signal +34 600 000 000 \(canary)"))
        return try await app.registry.reportIntake.open(receipt: receipt.value).reportID
    }

    func testAReaderSeesTheIdentityOnlyAfterACustodianApprovesTheirWrittenRequest() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let administrator = try await user(Demo.administrator, on: app)
            _ = try await app.registry.recipientKeys.create(for: administrator, password: Demo.password)
            let id = try await sealedReport(app)
            let hits = try await DatabaseScan(app.db).occurrences(of: canary)
            XCTAssertEqual(hits, [], "the identity is stored sealed")
            let wrappedFor = try await ReportIdentityKey.query(on: app.db).all().map(\.readerID)
            XCTAssertEqual(wrappedFor, [RecipientKeyService.readerID(try administrator.requireID())], "only the custodian holds its key")

            let unitKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            let before = try await app.registry.reportIdentity.standing(of: id, for: unit, privateKey: unitKey)
            XCTAssertEqual(before, .sealed)
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            let page = try await office.get("/received-reports/\(id.uuidString.lowercased())?lang=fr")
            XCTAssertContains(page.body.string, "/received-reports/\(id.uuidString.lowercased())/identity-request")
            XCTAssertFalse(page.body.string.contains(canary))
            let empty = try await office.post("/received-reports/\(id.uuidString.lowercased())/identity-request", form: ["identity_reason": " "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let tab = office
            let asked = try await eightTimes("sealed_report.identity_request", on: app) {
                var copy = tab
                return try await copy.post("/received-reports/\(id.uuidString.lowercased())/identity-request",
                                           form: ["identity_reason": "We must hear the witness in person."], once: true)
            }
            XCTAssertEqual(asked, 1, "eight clicks ask once")

            var custodian = BrowserSession(app: app)
            try await custodian.login(Demo.administrator)
            _ = try await custodian.post("/received-reports/unlock", form: ["password": Demo.password])
            let list = try await custodian.get("/received-reports/identity-requests?lang=es")
            XCTAssertContains(list.body.string, "We must hear the witness in person.")
            let request = try await XCTUnwrapAsync(try await IdentityRequest.query(on: app.db).first())
            let action = "/received-reports/identity-requests/\(try request.requireID().uuidString.lowercased())/decision"
            let desk = custodian
            let approved = try await eightTimes("sealed_report.identity_approve", on: app) {
                var copy = desk; return try await copy.post(action, form: ["decision": "approve", "note": ""], once: true)
            }
            XCTAssertEqual(approved, 1, "eight clicks approve once")

            let after = try await app.registry.reportIdentity.standing(of: id, for: unit, privateKey: unitKey)
            XCTAssertEqual(after, .revealed(ReportIdentity(name: "Ana \(canary)", contact: "Signal +34 600 000 000 \(canary)")))
            let opened = try await office.get("/received-reports/\(id.uuidString.lowercased())")
            XCTAssertContains(opened.body.string, "Ana \(canary)")
            let ombudsmanKey = try await app.registry.recipientKeys.unlock(for: ombudsman, password: Demo.password)
            let other = try await app.registry.reportIdentity.standing(of: id, for: ombudsman, privateKey: ombudsmanKey)
            XCTAssertEqual(other, .sealed, "approval opens it to the one who asked, nobody else")
            let mails = try await MailMessage.query(on: app.db).all().map(\.recipient)
            XCTAssertTrue(mails.contains(administrator.email) && mails.contains(unit.email), "the custodian is told a request waits, the reader that it is decided")
        }
    }

    func testADeclineNeedsANoteAndOnlyCustodiansDecide() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let administrator = try await user(Demo.administrator, on: app)
            _ = try await app.registry.recipientKeys.create(for: administrator, password: Demo.password)
            let id = try await sealedReport(app)
            try await app.registry.reportIdentity.request(id, reason: "Needed.", as: unit)
            let request = try await XCTUnwrapAsync(try await IdentityRequest.query(on: app.db).first()).requireID()
            let custodianKey = try await app.registry.recipientKeys.unlock(for: administrator, password: Demo.password)
            do {
                try await app.registry.reportIdentity.decide(request, approve: false, note: " ", as: administrator, privateKey: custodianKey)
                XCTFail("a decline says why")
            } catch AppError.validation(let errors) { XCTAssertEqual(errors.map(\.field), ["note"]) }
            try await app.registry.reportIdentity.decide(request, approve: false, note: "Not needed yet.", as: administrator, privateKey: custodianKey)
            let unitKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            let standing = try await app.registry.reportIdentity.standing(of: id, for: unit, privateKey: unitKey)
            XCTAssertEqual(standing, .declined(note: "Not needed yet."))
            do {
                try await app.registry.reportIdentity.decide(request, approve: true, note: "", as: administrator, privateKey: custodianKey)
                XCTFail("a decided request stays decided")
            } catch AppError.conflict(let code) { XCTAssertEqual(code, "identity_request_decided") }
            do {
                try await app.registry.reportIdentity.decide(request, approve: true, note: "", as: unit, privateKey: unitKey)
                XCTFail("a reader is no custodian")
            } catch AppError.notFound {}

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let refused = try await coordinator.get("/received-reports/identity-requests")
            XCTAssertEqual(refused.status, .forbidden)
            let outsider = try await user(Demo.coordinator, on: app)
            do {
                try await app.registry.reportIdentity.request(id, reason: "Curious.", as: outsider)
                XCTFail("only a reader of the report may ask")
            } catch AppError.notFound {}
        }
    }

    func testTheFormOffersTheIdentityBeforeTheQuestionsAboutTheReporterOnlyWhenACustodianCanKeepIt() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            var visitor = BrowserSession(app: app)
            let without = try await visitor.get("/reporting/new/\(SeedQuestionnaire.officialMisconduct.key)")
            XCTAssertFalse(without.body.string.contains("identity_name"), "nobody could open it, so it is not asked")
            let administrator = try await user(Demo.administrator, on: app)
            _ = try await app.registry.recipientKeys.create(for: administrator, password: Demo.password)
            let with = try await visitor.get("/reporting/new/\(SeedQuestionnaire.officialMisconduct.key)?lang=fr").body.string
            let identity = try XCTUnwrap(with.range(of: "identity_name")), aboutYou = try XCTUnwrap(with.range(of: "name=\"age\""))
            XCTAssertLessThan(identity.lowerBound, aboutYou.lowerBound, "questions about the reporter stay last")
        }
    }
}
