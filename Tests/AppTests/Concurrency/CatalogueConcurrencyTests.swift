@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The skills catalogue, matching settings, questionnaires, experts' interest in needs and roster imports, each sent
/// 8 times at once: one effect, recorded once, no server error. Setting something to what it already is changes
/// nothing and records nothing.
final class CatalogueConcurrencyTests: AppTestCase {
    func testSkillsAndSettingsChangeOnce() async throws {
        try await withTestApp { app in
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            try await admin.get("/skills/ocds/edit")
            let page = admin
            let rename = ["labelEN": "OCDS data", "labelFR": "Données OCDS", "labelES": "Datos OCDS", "reason": "Users search for the data"]
            let renamed = try await eightTimes("skill.rename", on: app) { var tab = page; return try await tab.post("/skills/ocds", form: rename, once: true) }
            XCTAssertEqual(renamed, 1)
            let administrator = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let labels = #"{"labels":{"en":"OCDS publication","fr":"Publication OCDS","es":"Publicación OCDS"},"reason":"Clearer"}"#
            let apiRenamed = try await eightTimes("skill.rename", on: app) { try await administrator.send(.PUT, "/api/v1/skills/ocds", json: labels) }
            XCTAssertEqual(apiRenamed, 1, "the same labels sent 8 times rename once")

            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let settings = #"{"weights":{"skills":3},"penalty":0.5,"alternates":3,"reason":"Skills matter most this year."}"#
            let tuned = try await eightTimes("matching.settings_update", on: app) { try await coordinator.send(.PUT, "/api/v1/matching/settings", json: settings) }
            XCTAssertEqual(tuned, 1, "the same settings sent 8 times are saved once")
        }
    }

    func testAnExpertsInterestIsRecordedOnce() async throws {
        try await withTestApp { app in
            let (need, _, _) = try await matchingProgramme(on: app)
            var elena = BrowserSession(app: app)
            try await elena.login("experta@demo.integrity.invalid")
            try await elena.get("/opportunities")
            let page = elena
            let declined = try await eightTimes("need.interest", on: app) {
                var tab = page
                return try await tab.post("/opportunities/\(need.id!.uuidString)", form: ["stance": "declined"])
            }
            XCTAssertEqual(declined, 1, "without a one-time token: the stored stance decides")
            let api = try await APIClient.forUser(try await user("experta@demo.integrity.invalid", on: app), app: app)
            let interested = try await eightTimes("need.interest", on: app) {
                try await api.send(.PUT, "/api/v1/opportunities/\(need.id!.uuidString)", json: #"{"stance":"interested"}"#)
            }
            XCTAssertEqual(interested, 1)
        }
    }

    func testQuestionnairesAndRosterImportsChangeOnce() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let added = try await coordinator.post(ProgrammeSettingsRoute.questionnaires.link(), form: [
                "stage": "post", "kind": "single", "audience": "both", "required": "on", "prompt_en": "Which tool helped most?",
                "prompt_fr": "Quel outil a le plus aidé ?", "choices": "sql|SQL|SQL|SQL\nr|R",
            ])
            XCTAssertEqual(added.status, .seeOther)
            let page = coordinator
            let removed = try await eightTimes("questionnaire.edit", on: app) {
                var tab = page
                return try await tab.post(ProgrammeSettingsRoute.removeQuestion.link(EvaluationStage.post, "custom_1"))
            }
            XCTAssertEqual(removed, 1, "without a one-time token: the stored questionnaire decides")

            let roster = RosterImportIntegrationTests.roster
            try await coordinator.get("/roster")
            let staff = coordinator
            let profiles = try await ExpertProfile.query(on: app.db).count()
            let previews = try await Concurrently.fire(8) { var tab = staff; return try await tab.post("/roster/preview", form: ["text": roster]) }
            XCTAssertEqual(previews, Array(repeating: .ok, count: 8))
            let afterPreviews = try await ExpertProfile.query(on: app.db).count()
            XCTAssertEqual(afterPreviews, profiles, "a preview writes nothing, however many are asked for")
            let imported = try await eightTimes("expert.import", on: app) {
                var tab = staff
                return try await tab.post("/roster/import", form: ["text": roster, "skipFlagged": "on"], once: true)
            }
            XCTAssertEqual(imported, 2, "the roster's two importable experts, once")
            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let other = json(["csv": "name,email,employer,country,areas\nZoé Exemple,zoe@example.net,Acme,France,training\nYves Muestra,yves@example.net,Acme,Spain,dashboards\n"])
            let apiImported = try await eightTimes("expert.import", on: app) {
                try await api.send(.POST, "/api/v1/roster/imports", json: other, headers: ["Idempotency-Key": "roster-2"])
            }
            XCTAssertEqual(apiImported, 2, "another roster's two importable experts, once")
        }
    }
}
