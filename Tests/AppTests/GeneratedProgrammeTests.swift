@testable import App
import Fluent
import XCTVapor
import XCTest

/// A generated programme (`integrity generate-load`) at a small size: its log verifies, and the pages that list
/// what grows with a programme page through it instead of listing it whole.
final class GeneratedProgrammeTests: AppTestCase {
    func generate(_ app: Application, engagements: Int = 60, auditEntries: Int = 300) async throws {
        _ = try await Platform.generateLoad(app, engagements: engagements, auditEntries: auditEntries) { _, _ in }
    }

    func testTheGeneratedLogVerifiesAndASecondRunIsRefused() async throws {
        try await withTestApp { app in
            try await generate(app)
            let engagements = try await Engagement.query(on: app.db).count()
            let needs = try await Need.query(on: app.db).count()
            XCTAssertEqual(engagements, 60)
            XCTAssertEqual(needs, 72, "a fifth more needs than engagements, on the demo accounts alone")
            guard case .intact(let entries, _, _) = try await Platform.verifyAuditLog(app, everyCheckpoint: true) else {
                return XCTFail("bulk appends must verify like single ones")
            }
            XCTAssertGreaterThanOrEqual(entries, 300)
            do {
                try await generate(app)
                XCTFail("a second programme must be refused")
            } catch let error as Platform.CommandError {
                XCTAssertContains(error.description, "already holds a generated programme")
            }
        }
    }

    func testTheMatchListPagesAndShowsEachPersonOnlyTheirOwn() async throws {
        try await withTestApp { app in
            try await generate(app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let first = try await coordinator.get(MatchRoute.list.link(), accept: "en").body.string
            XCTAssertEqual(first.components(separatedBy: "<tr><th scope=\"row\">").count - 1, 50)
            XCTAssertContains(first, "href=\"/matches?page=2\" rel=\"next\"")
            XCTAssertFalse(first.contains("rel=\"prev\""))
            let second = try await coordinator.get(MatchRoute.list.link() + "?page=2", accept: "en").body.string
            XCTAssertEqual(second.components(separatedBy: "<tr><th scope=\"row\">").count - 1, 10)
            XCTAssertContains(second, "href=\"/matches?page=1\" rel=\"prev\"")

            // Body 1 of 3 has every third need, so a third of the matches, on one page.
            var member = BrowserSession(app: app)
            try await member.login("member-1@load.integrity.invalid", password: GeneratedProgramme.password)
            let own = try await member.get(MatchRoute.list.link(), accept: "en").body.string
            XCTAssertEqual(own.components(separatedBy: "<tr><th scope=\"row\">").count - 1, 20)
            XCTAssertFalse(own.contains("rel=\"next\""))
        }
    }

    func testTheNeedsDirectoryPagesKeepingItsSearch() async throws {
        try await withTestApp { app in
            try await generate(app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let first = try await coordinator.get(NeedRoute.list.link(), accept: "en").body.string
            XCTAssertEqual(first.components(separatedBy: "<tr><td><a href=\"/needs/").count - 1, 50)
            XCTAssertContains(first, "href=\"/needs?page=2\" rel=\"next\"")
            let searched = try await coordinator.get(NeedRoute.list.link() + "?q=red%20flags&status=eligible", accept: "en").body.string
            XCTAssertEqual(searched.components(separatedBy: "<tr><td><a href=\"/needs/").count - 1, 15, "needs 2, 6, … 58 of the 60 matched")
            XCTAssertFalse(searched.contains("rel=\"next\""))
            let second = try await coordinator.get(NeedRoute.list.link() + "?page=2", accept: "en").body.string
            XCTAssertEqual(second.components(separatedBy: "<tr><td><a href=\"/needs/").count - 1, 72 - 50)

            var member = BrowserSession(app: app)
            try await member.login("member-1@load.integrity.invalid", password: GeneratedProgramme.password)
            let own = try await member.get(NeedRoute.list.link(), accept: "en").body.string
            XCTAssertEqual(own.components(separatedBy: "<tr><td><a href=\"/needs/").count - 1, 24, "every third of the 72 needs")
        }
    }

    func testTheAuditPageCountsFromTheTreeAndFiltersBySubject() async throws {
        try await withTestApp { app in
            try await generate(app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let size = try await AuditEntryRecord.query(on: app.db).count()
            let all = try await coordinator.get(AuditPageRoute.list.link(), accept: "en").body.string
            XCTAssertContains(all, "\(size) entries match.")
            let engagement = GeneratedProgramme.id("engagement", 7).uuidString.lowercased()
            let expected = try await AuditEntryRecord.query(on: app.db).filter(\.$subjectID == engagement).count()
            XCTAssertGreaterThan(expected, 0)
            let filtered = try await coordinator.get(AuditPageRoute.list.link() + "?subjectType=engagement&subjectID=\(engagement)", accept: "en").body.string
            XCTAssertContains(filtered, "\(expected) entries match.")
        }
    }
}
