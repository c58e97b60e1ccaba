@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Reports past their retention are crypto-shredded by a daily job; readers may keep one longer, with a reason.
final class ReportRetentionTests: AppTestCase {
    private let canary = "canary-retention-71e2"

    private func report(_ app: Application) async throws -> (Receipt, UUID) {
        let receipt = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
            "kind": ["theft"], "account": ["The fees vanish. \(canary)"], "who": ["Director \(canary)"], "handlers-involved": ["no"]], regions: [])
        try await app.registry.reportIntake.reply(receipt: receipt.value, text: "More: \(canary)")
        return (receipt, try await app.registry.reportIntake.open(receipt: receipt.value).reportID)
    }

    func testAnExpiredReportLosesEveryKeyAndItsSealedContentButStaysCounted() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let (receipt, id) = try await report(app)
            let nothingYet = try await app.registry.reportRetention.shredExpired()
            XCTAssertEqual(nothingYet, 0)
            let stored = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
            clock.advance(by: stored.expiresOn.timeIntervalSince(app.clock.now()) + 86_400)

            let shredded = try await app.registry.reportRetention.shredExpired()
            XCTAssertEqual(shredded, 1)
            let again = try await app.registry.reportRetention.shredExpired()
            XCTAssertEqual(again, 0, "a report is shredded once")
            let keys = try await ReportReaderKey.query(on: app.db).filter(\.$report.$id == id).count()
            XCTAssertEqual(keys, 0, "no wrapped key is left, for anyone")
            let messages = try await ReportMessage.query(on: app.db).filter(\.$report.$id == id).count()
            XCTAssertEqual(messages, 0)
            let report = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
            XCTAssertEqual(report.answers, Data())
            XCTAssertEqual(report.whistleblowerKey, Data())
            XCTAssertNotNil(report.shreddedOn)
            XCTAssertEqual(report.status, .received, "what statistics count stays")
            let hits = try await DatabaseScan(app.db).occurrences(of: canary)
            XCTAssertEqual(hits, [])
            do {
                _ = try await app.registry.reportIntake.open(receipt: receipt.value)
                XCTFail("the receipt opens nothing once the report is shredded")
            } catch AppError.notFound {}
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.shred").count()
            XCTAssertEqual(audited, 1)
        }
    }

    func testTheDailySweepIsQueuedOnceWhoeverAsks() async throws {
        try await withTestApp { app in
            let first = try await ReportRetentionService.enqueueSweep(app)
            let second = try await ReportRetentionService.enqueueSweep(app)
            XCTAssertEqual([first, second], [true, false])
            let jobs = try await JobRecord.query(on: app.db).filter(\.$kind == .reportRetention).count()
            XCTAssertEqual(jobs, 1)
        }
    }

    func testAReaderKeepsAReportLongerWithAReasonAndOthersCannot() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let (_, id) = try await report(app)
            let before = try await XCTUnwrapAsync(try await Report.find(id, on: app.db)).expiresOn
            var office = BrowserSession(app: app)
            try await office.login(Demo.publicES)
            _ = try await office.post("/received-reports/unlock", form: ["password": Demo.password])
            _ = try await office.get("/received-reports/\(id)")
            let missing = try await office.post("/received-reports/\(id)/retention", form: ["days": "30", "reason": " "])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            let tab = office
            let extended = try await eightTimes("sealed_report.retention_extend", on: app) {
                var copy = tab; return try await copy.post("/received-reports/\(id)/retention", form: ["days": "30", "reason": "A court case is pending."], once: true)
            }
            XCTAssertEqual(extended, 1, "eight clicks keep it 30 days longer once")
            let after = try await XCTUnwrapAsync(try await Report.find(id, on: app.db)).expiresOn
            XCTAssertEqual(after.timeIntervalSince(before), 30 * 86_400)

            let outsider = try await user(Demo.coordinator, on: app)
            do {
                try await app.registry.reportRetention.extend(id, by: 30, reason: "Curious.", as: outsider)
                XCTFail("only a reader may keep a report longer")
            } catch AppError.notFound {}
            do {
                try await app.registry.reportRetention.extend(id, by: 0, reason: "Zero.", as: unit)
                XCTFail("zero days is no extension")
            } catch AppError.validation {}
        }
    }
}
