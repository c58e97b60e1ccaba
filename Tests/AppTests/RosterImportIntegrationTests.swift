@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

final class RosterImportIntegrationTests: AppTestCase {
    static let roster = """
        name,email,employer,country,areas
        Ana Pérez,ana@example.org,Datos de Muestra,México,procurement; dashboards
        Lina Okafor,lina@example.org,Example Analytics,Lagos,training
        ana perez,,Datos de Muestra,Mexico,OCDS
        Marc Dubois,marc@example.org,Données Exemple,Frnace,audit analytics
        """

    func testDryRunReportsEveryProblemAndWritesNothing() async throws {
        try await withTestApp { app in
            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let entriesBefore = try await AuditEntryRecord.query(on: app.db).count()
            let response = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": Self.roster, "dryRun": true]))
            XCTAssertEqual(response.status, .ok)
            let report = try response.content.decode(APIRosterController.ImportReport.self)
            XCTAssertEqual(report.rows, 4)
            XCTAssertEqual(report.experts, 2)
            XCTAssertEqual(report.mergedLines, 1)
            XCTAssertEqual(report.merges.map(\.lines), [[2, 4]])
            XCTAssertEqual(report.merges.map(\.message), ["Lines 2 and 4 (Ana Pérez) are one person: merged."])
            XCTAssertEqual(report.summary, "4 rows: 2 experts to import, 1 line merged into another person, 1 row flagged.")
            XCTAssertEqual(report.flaggedLines, [3])
            XCTAssertEqual(report.mapping, ["name": 0, "email": 1, "organisation": 2, "country": 3, "areas": 4])
            XCTAssertEqual(report.problems.map(\.message), [
                "Line 3: “Lagos” is not a country (give the country, not a city or region)",
                "Line 5: “Frnace” read as FR — please check",
            ])
            let profiles = try await ExpertProfile.query(on: app.db).count()
            XCTAssertEqual(profiles, 0)
            let entriesAfter = try await AuditEntryRecord.query(on: app.db).count()
            XCTAssertEqual(entriesAfter, entriesBefore)
        }
    }

    func testAFlaggedRowBlocksTheWholeImportUntilTheCoordinatorSkipsIt() async throws {
        try await withTestApp { app in
            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let blocked = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": Self.roster]))
            XCTAssertEqual(blocked.status, .unprocessableEntity)
            let error = try blocked.content.decode(APIClient.ErrorBody.self)
            XCTAssertEqual(error.error.fields?.map(\.field), ["line 3"])
            let none = try await ExpertProfile.query(on: app.db).count()
            XCTAssertEqual(none, 0, "all or nothing")

            let done = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": Self.roster, "skipFlagged": true]))
            XCTAssertEqual(done.status, .created)
            let report = try done.content.decode(APIRosterController.ImportReport.self)
            XCTAssertEqual(report.imported.map(\.fullName).sorted(), ["Ana Pérez", "Marc Dubois"])
            XCTAssertEqual(report.imported.first { $0.fullName == "Ana Pérez" }?.areas, ["procurement", "dashboards", "OCDS"])
            XCTAssertTrue(report.imported.allSatisfy { $0.status == .invited })
            let entries = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "expert.import").count()
            XCTAssertEqual(entries, 2)
            guard case .intact = try await Platform.verifyAuditLog(app) else { return XCTFail("the log must verify") }

            let again = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": Self.roster, "dryRun": true]))
            let repeatReport = try again.content.decode(APIRosterController.ImportReport.self)
            XCTAssertEqual(repeatReport.experts, 0, "people already in the programme are not imported twice")
            XCTAssertTrue(repeatReport.problems.contains { $0.message.contains("already in the programme") })
        }
    }

    func testUnreadableFilesAndBadMappingsAreRefused() async throws {
        try await withTestApp { app in
            let api = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let unreadable = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": "name,country\n\"Ana,MX\n"]))
            XCTAssertEqual(unreadable.status, .unprocessableEntity)
            XCTAssertEqual(try unreadable.content.decode(APIClient.ErrorBody.self).error.fields?.first?.field, "csv")
            let badMapping = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": Self.roster, "mapping": ["shoe size": 1]]))
            XCTAssertEqual(badMapping.status, .unprocessableEntity)
        }
    }

    func testTheWebFlowShowsProblemsInTheUsersLanguageThenImports() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.post("/language", form: ["lang": "fr", "returnTo": "/roster"])
            let preview = try await coordinator.post("/roster/preview", form: ["text": Self.roster])
            XCTAssertEqual(preview.status, .ok)
            XCTAssertContains(preview.body.string, "Ligne 3 : « Lagos » n&#39;est pas un pays")
            XCTAssertContains(preview.body.string, "4 lignes : 2 expert·e·s à importer, 1 ligne fusionnée avec une autre personne, 1 ligne signalée.")
            XCTAssertContains(preview.body.string, "Les lignes 2 et 4 (Ana Pérez) sont une seule personne : fusionnées.")

            let blocked = try await coordinator.post("/roster/import", form: ["text": Self.roster])
            XCTAssertEqual(blocked.status, .unprocessableEntity)
            let nothing = try await ExpertProfile.query(on: app.db).count()
            XCTAssertEqual(nothing, 0)

            let imported = try await coordinator.post("/roster/import", form: ["text": Self.roster, "skipFlagged": "on"])
            XCTAssertEqual(imported.status, .seeOther)
            XCTAssertEqual(imported.headers.first(name: .location), "/experts")
            let list = try await coordinator.get("/experts")
            XCTAssertContains(list.body.string, "2 expert·e·s importé·e·s comme invité·e·s.")
            XCTAssertContains(list.body.string, "Marc Dubois")
            XCTAssertContains(list.body.string, "Invité·e")

            let empty = try await coordinator.post("/roster/preview", form: ["text": "  "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
        }
    }

    func testOnlyProgrammeStaffImportOrListExperts() async throws {
        try await withTestApp { app in
            for role in [Role.expert, .publicParticipant, .evaluator, .analyst] {
                var browser = BrowserSession(app: app)
                try await browser.login(Demo.email(for: role))
                let page = try await browser.get("/roster")
                XCTAssertEqual(page.status, .forbidden, "\(role)")
                let post = try await browser.post("/roster/import", form: ["text": Self.roster, "skipFlagged": "on"])
                XCTAssertEqual(post.status, .forbidden, "\(role)")
                let api = try await APIClient.forUser(try await user(Demo.email(for: role), on: app), app: app)
                let response = try await api.send(.POST, "/api/v1/roster/imports", json: json(["csv": Self.roster, "skipFlagged": true]))
                XCTAssertEqual(response.status, .forbidden, "\(role)")
            }
            let profiles = try await ExpertProfile.query(on: app.db).count()
            XCTAssertEqual(profiles, 0)
        }
    }
}
