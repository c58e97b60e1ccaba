@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

final class CandidatesPageTests: AppTestCase {
    func need(on app: Application) async throws -> Need {
        let owner = try await user(Demo.publicES, on: app)
        let draft = NeedDraft(title: "Análisis OCDS", problemStatement: "p", whyPrivateSector: "w", supportAreas: [3],
                              requiredSkills: ["ocds"], languages: ["es"], preferredStart: try Date("2027-02-01T00:00:00Z", strategy: .iso8601),
                              expectedOutputs: "o")
        let service = NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer)
        return try await service.create(draft, readiness: .init(ratings: [:]), organisationID: Demo.spanishCourt, by: owner)
    }

    func testTheCoordinatorSeesEachScoreExplainedAndWhoWasLeftOut() async throws {
        try await withTestApp { app in
            try await storedProfile("Elena Muestra", status: .eligible, skills: "ocds:3", languages: "es:3", country: "MX", years: 8, on: app)
            try await storedProfile("Not Yet Screened", status: .draft, skills: "ocds:2", languages: "es:3", country: "ES", years: 9, on: app)
            try await storedProfile("Only French", status: .eligible, skills: "ocds:3", languages: "fr:3", country: "FR", years: 9, on: app)
            try await storedProfile("No Skill Match", status: .eligible, skills: "cybersecurity:3", languages: "es:3", country: "ES", years: 9, on: app)
            let need = try await need(on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.get("/needs/\(need.id!.uuidString)/candidates")
            XCTAssertEqual(page.status, .ok)
            let html = page.body.string
            // skills 100 %, region 0 (Mexico is not Spain), language 100 %, availability 100 %, experience 80 %:
            // (0.35 + 0 + 0.10 + 0.10 + 0.08) / 0.80 = 78.75 %.
            XCTAssertContains(html, "<th scope=\"row\">Elena Muestra</th><td>Example Analytics Ltd (fictional)</td><td><strong>79%</strong></td><td>100%</td><td>0%</td><td>100%</td><td>100%</td><td>80%</td>")
            XCTAssertContains(html, "1 excluded: no matching skill")
            XCTAssertContains(html, "1 excluded: not eligible (yet)")
            XCTAssertContains(html, "1 excluded: no shared working language")
            XCTAssertFalse(html.contains("Only French</th>"))
        }
    }

    func testOnlyProgrammeStaffSeeCandidates() async throws {
        try await withTestApp { app in
            let need = try await need(on: app)
            for role in [Role.publicParticipant, .expert, .analyst, .evaluator] {
                var browser = BrowserSession(app: app)
                try await browser.login(Demo.email(for: role))
                let page = try await browser.get("/needs/\(need.id!.uuidString)/candidates")
                XCTAssertEqual(page.status, .forbidden, "\(role)")
            }
        }
    }
}
