@testable import App
import Crypto
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// A reader forwards a redacted copy: only the answers ticked go, sealed for the new organisation's readers alone,
/// who read the copy and never the report; an organisation the answers exclude gets nothing; shredding takes copies too.
final class ReportForwardingTests: AppTestCase {
    private let canary = "canary-forward-5c1d"
    private let forwardID = UUID(uuidString: "00000000-0000-0000-0000-00000000f0d1")!

    /// A misconduct report; `handlersInvolved` excludes the integrity unit.
    private func report(_ app: Application, handlersInvolved: Bool = false) async throws -> UUID {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["The fees vanish. \(canary)"], "handlers-involved": [handlersInvolved ? "yes" : "no"]], regions: [])
        return try await app.registry.reportIntake.open(receipt: receipt.value).reportID
    }

    /// A third organisation with a reader: the analytics company of the demo's English expert.
    private func analytics(_ app: Application) async throws -> User {
        let reader = try await user(Demo.expert, on: app)
        _ = try await app.registry.recipientKeys.create(for: reader, password: Demo.password)
        return reader
    }

    func testOnlyTheTickedAnswersGoAndOnlyTheNewOrganisationReadsThem() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let reader = try await analytics(app)
            let target = try XCTUnwrap(reader.$organisation.id).uuidString.lowercased()
            let id = try await report(app), path = "/received-reports/\(id.uuidString.lowercased())/forward"
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            let form = try await office.get("\(path)?lang=fr")
            XCTAssertEqual(form.status, .ok)
            XCTAssertContains(form.body.string, "value=\"\(target)\"")
            XCTAssertFalse(form.body.string.contains("value=\"\(try XCTUnwrap(unit.$organisation.id).uuidString.lowercased())\""),
                           "the sender's own organisation is not offered")
            let empty = try await office.post(path, form: ["forward_id": forwardID.uuidString, "note": " "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let halfWritten = try await ReportForward.query(on: app.db).count()
            XCTAssertEqual(halfWritten, 0, "nothing is half written")

            let tab = office, fields = ["forward_id": forwardID.uuidString, "organisation": target, "note": "For your audit team."]
            let sent = try await eightTimes("sealed_report.forward", on: app) {
                var copy = tab; return try await copy.post(path, form: fields, arrays: ["keep": ["kind"]])
            }
            XCTAssertEqual(sent, 1, "eight clicks forward one copy")
            let keys = try await ReportForwardKey.query(on: app.db).all().map(\.readerID)
            XCTAssertEqual(keys, [RecipientKeyService.readerID(try reader.requireID())], "wrapped for the new organisation's reader alone")
            let mails = try await MailMessage.query(on: app.db).filter(\.$recipient == reader.email).all()
            XCTAssertEqual(mails.count, 1)
            XCTAssertFalse(mails[0].body.contains(canary), "the mail says nothing of the report")

            var company = BrowserSession(app: app)
            try await company.login(Demo.expert)
            _ = try await company.post("/received-reports/unlock", form: ["password": Demo.password])
            let list = try await company.get("/received-reports")
            XCTAssertContains(list.body.string, "/received-reports/forwarded/\(forwardID.uuidString.lowercased())")
            let copy = try await company.get("/received-reports/forwarded/\(forwardID.uuidString.lowercased())?lang=es")
            XCTAssertEqual(copy.status, .ok)
            XCTAssertContains(copy.body.string, "For your audit team.")
            XCTAssertFalse(copy.body.string.contains(canary), "a withheld answer is not in the copy")
            let original = try await company.get("/received-reports/\(id.uuidString.lowercased())")
            XCTAssertEqual(original.status, .notFound, "the copy's reader cannot read the report itself")

            let privateKey = try await app.registry.recipientKeys.unlock(for: reader, password: Demo.password)
            let opened = try await app.registry.reportForwarding.open(forwardID, as: reader, privateKey: privateKey)
            XCTAssertEqual(Set(opened.copy.answers.keys), ["kind"])
            XCTAssertEqual(opened.copy.withheld, ["account", "handlers-involved"])
            let ombudsmanKey = try await app.registry.recipientKeys.unlock(for: ombudsman, password: Demo.password)
            do {
                _ = try await app.registry.reportForwarding.open(forwardID, as: ombudsman, privateKey: ombudsmanKey)
                XCTFail("the copy opens for its own readers only")
            } catch AppError.notFound {}
            let page = try await office.get("/received-reports/\(id.uuidString.lowercased())")
            let receiver = try await XCTUnwrapAsync(try await Organisation.find(reader.$organisation.id, on: app.db))
            XCTAssertContains(page.body.string, receiver.name)
        }
    }

    func testAnOrganisationTheAnswersExcludeNeverGetsACopy() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let id = try await report(app, handlersInvolved: true)
            let privateKey = try await app.registry.recipientKeys.unlock(for: ombudsman, password: Demo.password)
            let draft = try await app.registry.reportForwarding.draft(id, as: ombudsman, privateKey: privateKey)
            XCTAssertFalse(draft.targets.contains { $0.id == unit.$organisation.id }, "an excluded organisation is not offered")
            do {
                try await app.registry.reportForwarding.forward(id, to: unit.$organisation.id, keeping: ["kind"], note: "Please look.",
                                                               forwardID: forwardID, as: ombudsman, privateKey: privateKey)
                XCTFail("an excluded organisation gets no copy")
            } catch AppError.conflict(let code) { XCTAssertEqual(code, "report_forward_excluded") }
            do {
                try await app.registry.reportForwarding.forward(id, to: ombudsman.$organisation.id, keeping: ["kind"], note: "Ourselves.",
                                                               forwardID: forwardID, as: ombudsman, privateKey: privateKey)
                XCTFail("nobody forwards to their own organisation")
            } catch AppError.validation(let errors) { XCTAssertEqual(errors, [FieldError("organisation", .invalidChoice)]) }
            let outsider = try await analytics(app)
            let outsiderKey = try await app.registry.recipientKeys.unlock(for: outsider, password: Demo.password)
            do {
                _ = try await app.registry.reportForwarding.draft(id, as: outsider, privateKey: outsiderKey)
                XCTFail("someone the report was not wrapped for cannot forward it")
            } catch AppError.notFound {}
            let copies = try await ReportForward.query(on: app.db).count()
            XCTAssertEqual(copies, 0)
        }
    }

    func testAForwardRacingTheSendersRecusalEndsInASerialOrder() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let reader = try await analytics(app)
            let id = try await report(app)
            let privateKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            let (forwarding, recusal) = (app.registry.reportForwarding, app.registry.reportRecusal)
            let target = reader.$organisation.id, forwardID = forwardID, raw = privateKey.rawRepresentation
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    do {
                        try await forwarding.forward(id, to: target, keeping: ["kind"], note: "Look.", forwardID: forwardID, as: unit,
                                                     privateKey: try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw))
                        return "forwarded"
                    } catch AppError.notFound { return "not found" }
                }
                group.addTask { try await recusal.recuse(id, reason: "Conflict.", as: unit); return "recused" }
                return try await group.reduce(into: []) { $0.append($1) }.sorted()
            }
            let raced = try await ReportForward.query(on: app.db).count()
            XCTAssertTrue(outcomes == ["forwarded", "recused"] && raced == 1 || outcomes == ["not found", "recused"] && raced == 0,
                          "\(outcomes), \(raced) copies: a reader who stepped aside first forwards nothing")
        }
    }

    func testARecusalAfterTheFormWasOpenedStopsTheForward() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let reader = try await analytics(app)
            let id = try await report(app)
            let privateKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            let draft = try await app.registry.reportForwarding.draft(id, as: unit, privateKey: privateKey)
            try await app.registry.reportRecusal.recuse(id, reason: "Conflict.", as: unit)
            do {
                try await app.registry.reportForwarding.send(draft, to: reader.$organisation.id, keeping: ["kind"], note: "Look.", forwardID: forwardID, as: unit)
                XCTFail("whether the sender still reads the report is decided inside the transaction")
            } catch AppError.notFound {}
            let copies = try await ReportForward.query(on: app.db).count()
            XCTAssertEqual(copies, 0)
        }
    }

    func testShreddingAReportDestroysItsCopies() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let reader = try await analytics(app)
            let id = try await report(app)
            let privateKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            try await app.registry.reportForwarding.forward(id, to: reader.$organisation.id, keeping: ["kind", "account"], note: "Look.",
                                                           forwardID: forwardID, as: unit, privateKey: privateKey)
            let stored = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
            clock.advance(by: stored.expiresOn.timeIntervalSince(app.clock.now()) + 86_400)
            _ = try await app.registry.reportRetention.shredExpired()
            let keys = try await ReportForwardKey.query(on: app.db).count()
            XCTAssertEqual(keys, 0)
            let copy = try await ReportForward.find(forwardID, on: app.db)
            XCTAssertEqual(copy?.sealed, Data())
            let hits = try await DatabaseScan(app.db).occurrences(of: canary)
            XCTAssertEqual(hits, [])
        }
    }
}
