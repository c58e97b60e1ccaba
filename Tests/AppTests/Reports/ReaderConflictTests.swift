@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// A reader who declared a conflict with a party gets no key to a report that names it (nor to a copy that does);
/// declarations are the reader's own, made and withdrawn once however often the button is pressed.
final class ReaderConflictTests: AppTestCase {
    private func report(_ app: Application, account: String) async throws -> UUID {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": [account], "handlers-involved": ["no"]], regions: [])
        return try await app.registry.reportIntake.open(receipt: receipt.value).reportID
    }

    private func readers(of id: UUID, on app: Application) async throws -> Set<String> {
        Set(try await ReportReaderKey.query(on: app.db).filter(\.$report.$id == id).filter(\.$readerID != WrappedKey.whistleblower).all().map(\.readerID))
    }

    func testAReportNamingADeclaredPartyIsNeverWrappedForTheReaderWhoDeclaredIt() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            let short = try await office.post("/received-reports/conflicts", form: ["party": "Li"])
            XCTAssertEqual(short.status, .unprocessableEntity)
            let empty = try await office.post("/received-reports/conflicts", form: ["party": "  "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let tab = office
            let declared = try await eightTimes("reader_conflict.declare", on: app) {
                var copy = tab; return try await copy.post("/received-reports/conflicts", form: ["party": "Licensing Desk"])
            }
            XCTAssertEqual(declared, 1, "eight clicks declare once; the others are told it is declared")
            let list = try await office.get("/received-reports?lang=fr")
            XCTAssertContains(list.body.string, "Licensing Desk")

            let named = try await report(app, account: "The head of the licensing-desk keeps the fees.")
            let namedReaders = try await readers(of: named, on: app)
            XCTAssertEqual(namedReaders, [RecipientKeyService.readerID(try ombudsman.requireID())], "the office's reader gets no key; the ombudsman still reads it")
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            let hidden = try await office.get("/received-reports/\(named.uuidString.lowercased())")
            XCTAssertEqual(hidden.status, .notFound)
            let other = try await report(app, account: "The cashier keeps the fees.")
            let both = try await readers(of: other, on: app)
            XCTAssertEqual(both.count, 2, "a report that names nobody declared reaches everyone")

            let row = try await XCTUnwrapAsync(try await ReaderConflict.query(on: app.db).first())
            var stranger = BrowserSession(app: app)
            try await stranger.login(Demo.publicFR)
            let notTheirs = try await stranger.post("/received-reports/conflicts/\(try row.requireID().uuidString.lowercased())/withdraw")
            XCTAssertEqual(notTheirs.status, .notFound, "only the reader who declared it withdraws it")
            let withdrawn = try await eightTimes("reader_conflict.withdraw", on: app) {
                var copy = tab; return try await copy.post("/received-reports/conflicts/\(try row.requireID().uuidString.lowercased())/withdraw")
            }
            XCTAssertEqual(withdrawn, 1)
            let after = try await report(app, account: "The licensing desk again.")
            let unitReads = try await readers(of: after, on: app).contains(RecipientKeyService.readerID(try unit.requireID()))
            XCTAssertTrue(unitReads)
        }
    }

    func testACopyNamingADeclaredPartySkipsThatReader() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let expert = try await user(Demo.expert, on: app)
            _ = try await app.registry.recipientKeys.create(for: expert, password: Demo.password)
            try await app.registry.readerConflicts.declare("licensing desk", as: expert)
            let id = try await report(app, account: "The licensing desk keeps the fees.")
            let privateKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            do {
                try await app.registry.reportForwarding.forward(id, to: expert.$organisation.id, keeping: ["kind", "account"], note: "Look.",
                                                               forwardID: UUID(), as: unit, privateKey: privateKey)
                XCTFail("the only reader there declared a conflict the copy names")
            } catch AppError.conflict(let code) { XCTAssertEqual(code, "report_no_recipients") }
            try await app.registry.reportForwarding.forward(id, to: expert.$organisation.id, keeping: ["kind"], note: "Look.",
                                                           forwardID: UUID(), as: unit, privateKey: privateKey)
            let keys = try await ReportForwardKey.query(on: app.db).count()
            XCTAssertEqual(keys, 1, "a copy that withholds the name reaches them")
        }
    }
}
