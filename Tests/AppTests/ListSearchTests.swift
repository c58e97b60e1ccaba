@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Experts and needs lists: search ignores case on both databases, and the status filter narrows the list.
final class ListSearchTests: AppTestCase {
    func testExpertsAreSearchedByNameAndFilteredByStatus() async throws {
        try await withTestApp { app in
            try await storedProfile("Zoë Árbol", status: .eligible, on: app)
            try await storedProfile("Zack Other", status: .draft, on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let byName = try await coordinator.get("/experts?q=zO%C3%AB").body.string
            XCTAssertContains(byName, "Zoë Árbol")
            XCTAssertFalse(byName.contains("Zack Other"))
            let drafts = try await coordinator.get("/experts?q=za&status=draft").body.string
            XCTAssertContains(drafts, "Zack Other")
            XCTAssertFalse(drafts.contains("Zoë Árbol"))
            let unknown = try await coordinator.get("/experts?status=nonsense")
            XCTAssertEqual(unknown.status, .ok, "an unknown status is ignored")
        }
    }

    func testNeedsAreSearchedByTitleWithinWhatTheReaderMaySee() async throws {
        try await withTestApp { app in
            let service = NeedService(db: app.db, audit: app.auditLog, clock: app.clock, taxonomy: app.taxonomy, mailer: app.mailer)
            let fr = try await user(Demo.publicFR, on: app), es = try await user(Demo.publicES, on: app)
            _ = try await service.create(NeedDraft(title: "Cartographie des risques"), readiness: .init(ratings: [:]),
                                         organisationID: Demo.frenchAgency, by: fr)
            _ = try await service.create(NeedDraft(title: "Mapa de riesgos"), readiness: .init(ratings: [:]),
                                         organisationID: Demo.spanishCourt, by: es)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let found = try await coordinator.get("/needs?q=RIES").body.string
            XCTAssertContains(found, "Mapa de riesgos")
            XCTAssertFalse(found.contains("Cartographie des risques"))
            let eligible = try await coordinator.get("/needs?status=eligible").body.string
            XCTAssertFalse(eligible.contains("Mapa de riesgos"), "both are drafts")
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            let own = try await member.get("/needs?q=r").body.string
            XCTAssertContains(own, "Cartographie des risques")
            XCTAssertFalse(own.contains("Mapa de riesgos"), "search never widens what a member sees")
        }
    }
}
