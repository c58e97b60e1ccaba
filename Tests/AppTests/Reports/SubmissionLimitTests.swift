@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Reports accepted per window, for the installation and per subject: counted before any stretching, shared through
/// the database, refused with 429 past the limit, and audited once per window.
final class SubmissionLimitTests: AppTestCase {
    private static func send(_ intake: ReportIntakeService, to key: String = SeedQuestionnaire.bribery.key) async throws -> Int {
        do {
            _ = try await intake.submit(to: key, answers: ["danger": ["no"], "service": ["health"], "account": ["Cash asked."], "where": ["039"]], regions: Set(WorldRegion.all.map(\.code)))
            return 200
        } catch AppError.rateLimited(let code) {
            XCTAssertEqual(code, "report_rate_limited")
            return 429
        }
    }

    func testTheInstallationsLimitCoversEverySubject() async throws {
        try await withTestApp(adjust: { ($0.reportSubmissions, $0.reportSubmissionsPerSubject) = (2, 10) }) { app in
            _ = try await reportingRecipients(app)
            let intake = app.registry.reportIntake
            let first = try await Self.send(intake), second = try await Self.send(intake), third = try await Self.send(intake)
            XCTAssertEqual([first, second, third], [200, 200, 429])
            let stored = try await Report.query(on: app.db).count()
            XCTAssertEqual(stored, 2)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.rate_limit").all()
            XCTAssertEqual(audited.count, 1)
            XCTAssertEqual(audited.first?.subjectID, "intake")
            clock.advance(by: WindowCounter.window)
            let next = try await Self.send(intake)
            XCTAssertEqual(next, 200, "a new window takes reports again")
            let keys = try await LoginFailure.query(on: app.db).filter(\.$id =~ "report-submissions/").count()
            XCTAssertEqual(keys, 1, "old windows are forgotten")
        }
    }

    func testEightSimultaneousSendingsPastTheSubjectsLimitStoreExactlyTheLimit() async throws {
        try await withTestApp(adjust: { ($0.reportSubmissions, $0.reportSubmissionsPerSubject) = (100, 3) }) { app in
            _ = try await reportingRecipients(app)
            let intake = app.registry.reportIntake
            let outcomes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await Self.send(intake) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { $0 == 200 }.count, 3)
            XCTAssertEqual(outcomes.filter { $0 == 429 }.count, 5)
            let stored = try await Report.query(on: app.db).count()
            XCTAssertEqual(stored, 3)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "sealed_report.rate_limit").count()
            XCTAssertEqual(audited, 1, "reaching the limit is recorded once")
        }
    }
}
