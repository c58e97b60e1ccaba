@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

final class CandidatesPageTests: AppTestCase {
    /// An expert profile straight in the database, as screening would leave it.
    func profile(_ name: String, status: ParticipationStatus, skills: String, languages: String, country: String, years: Int,
                 on app: Application) async throws {
        let p = ExpertProfile(id: UUID(), userID: UUID(), name: name, email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.org",
                              organisation: "Example Analytics Ltd (fictional)", now: app.clock.now())
        p.$user.id = nil
        p.identityKey = name
        p.status = status
        p.skillsText = skills
        p.languagesText = languages
        p.country = country
        p.years = years
        p.capacity = 1
        p.availableFrom = try Date("2026-01-01T00:00:00Z", strategy: .iso8601)
        p.availableUntil = try Date("2028-01-01T00:00:00Z", strategy: .iso8601)
        try await p.create(on: app.db)
    }

    func need(on app: Application) async throws -> Need {
        let owner = try await user(Demo.publicES, on: app)
        let draft = NeedDraft(title: "Análisis OCDS", problemStatement: "p", whyPrivateSector: "w", supportAreas: [3],
                              requiredSkills: ["ocds"], languages: ["es"], preferredStart: try Date("2027-02-01T00:00:00Z", strategy: .iso8601),
                              expectedOutputs: "o")
        let service = NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy)
        return try await service.create(draft, readiness: .init(ratings: [:]), organisationID: Demo.spanishCourt, by: owner)
    }

    func testTheCoordinatorSeesEachScoreExplainedAndWhoWasLeftOut() async throws {
        try await withTestApp { app in
            try await profile("Elena Muestra", status: .eligible, skills: "ocds:3", languages: "es:3", country: "MX", years: 8, on: app)
            try await profile("Not Yet Screened", status: .draft, skills: "ocds:2", languages: "es:3", country: "ES", years: 9, on: app)
            try await profile("Only French", status: .eligible, skills: "ocds:3", languages: "fr:3", country: "FR", years: 9, on: app)
            try await profile("No Skill Match", status: .eligible, skills: "cybersecurity:3", languages: "es:3", country: "ES", years: 9, on: app)
            let need = try await need(on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.get("/needs/\(need.id!.uuidString)/candidates")
            XCTAssertEqual(page.status, .ok)
            let html = page.body.string
            // skills 100 %, region 0 (Mexico is not Spain), language 100 %, availability 100 %, experience 80 %:
            // (0.35 + 0 + 0.10 + 0.10 + 0.08) / 0.80 = 78.75 %.
            XCTAssertContains(html, "<th scope=\"row\">Elena Muestra</th><td>Example Analytics Ltd (fictional)</td><td><strong>79 %</strong></td><td>100 %</td><td>0 %</td><td>100 %</td><td>100 %</td><td>80 %</td>")
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
