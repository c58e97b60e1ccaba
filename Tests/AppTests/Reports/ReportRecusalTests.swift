@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// A reader steps aside: their key is destroyed (so even their own private key opens nothing), the reason is audited,
/// a second click is told so, and the last reader cannot leave the reporter without anyone.
final class ReportRecusalTests: AppTestCase {
    private func report(_ app: Application) async throws -> UUID {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["The fees vanish."], "handlers-involved": ["no"]], regions: [])
        return try await app.registry.reportIntake.open(receipt: receipt.value).reportID
    }

    func testEightClicksStepAsideOnceAndTheKeyIsGoneForGood() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let id = try await report(app)
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            let page = try await office.get("/received-reports/\(id)?lang=fr")
            XCTAssertContains(page.body.string, "/received-reports/\(id.uuidString.lowercased())/recuse")
            let empty = try await office.post("/received-reports/\(id)/recuse", form: ["recusal_reason": " "])
            XCTAssertEqual(empty.status, .unprocessableEntity)

            let tab = office
            let recused = try await eightTimes("sealed_report.recuse", on: app) {
                var copy = tab; return try await copy.post("/received-reports/\(id)/recuse", form: ["recusal_reason": "My cousin runs that office."], once: true)
            }
            XCTAssertEqual(recused, 1, "eight clicks step aside once; the others are told it is done")
            let entry = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.recuse").first()
            XCTAssertEqual(entry?.reason, "My cousin runs that office.")
            let keys = try await ReportReaderKey.query(on: app.db).filter(\.$readerID == RecipientKeyService.readerID(unit.requireID())).count()
            XCTAssertEqual(keys, 0)
            let privateKey = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            do {
                _ = try await app.registry.reportIntake.read(id, as: unit, privateKey: privateKey)
                XCTFail("a reader who stepped aside reads nothing")
            } catch AppError.notFound {}
            let gone = try await office.get("/received-reports/\(id)")
            XCTAssertEqual(gone.status, .notFound)
            let list = try await office.get("/received-reports")
            XCTAssertFalse(list.body.string.contains(id.uuidString.lowercased()))

            do {
                try await app.registry.reportRecusal.recuse(id, reason: "Me too.", as: ombudsman)
                XCTFail("the last reader stays")
            } catch AppError.conflict(let code) { XCTAssertEqual(code, "report_last_reader") }
            let outsider = try await user(Demo.coordinator, on: app)
            do {
                try await app.registry.reportRecusal.recuse(id, reason: "Curious.", as: outsider)
                XCTFail("someone the report was not wrapped for learns nothing")
            } catch AppError.notFound {}
        }
    }

    func testTheLastTwoReadersSteppingAsideAtOnceLeaveOne() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let id = try await report(app)
            let service = app.registry.reportRecusal
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for reader in [unit, ombudsman] {
                    group.addTask {
                        do { try await service.recuse(id, reason: "Conflict.", as: reader); return "left" } catch AppError.conflict(let code) { return code }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }.sorted()
            }
            XCTAssertEqual(outcomes, ["left", "report_last_reader"], "either order leaves one reader")
            let readers = try await ReportReaderKey.query(on: app.db).filter(\.$report.$id == id).filter(\.$readerID != WrappedKey.whistleblower).count()
            XCTAssertEqual(readers, 1)
        }
    }
}
