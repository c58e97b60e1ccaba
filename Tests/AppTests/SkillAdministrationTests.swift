@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Administrators grow the taxonomy; renaming keeps every reference; everyone searches it in three languages.
final class SkillAdministrationTests: AppTestCase {
    let recordLinkage = ["group": "analysis", "labelEN": "Record linkage", "labelFR": "Appariement d'enregistrements",
                         "labelES": "Vinculación de registros", "synonyms": "entity resolution\nrapprochement de fichiers"]

    func testAnAdministratorAddsASkillThatExpertsCanThenChoose() async throws {
        try await withTestApp { app in
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            let added = try await admin.post("/skills", form: recordLinkage)
            XCTAssertEqual(added.status, .seeOther)
            XCTAssertEqual(added.headers.first(name: .location), "/skills?q=record-linkage")
            XCTAssertNotNil(app.taxonomy.skill("record-linkage"))

            let found = try await admin.get("/skills?q=rapprochement")
            XCTAssertContains(found.body.string, "<th scope=\"row\">Record linkage</th><td><code>record-linkage</code></td>")
            let action = try await AuditEntryRecord.query(on: app.db).filter(\.$subjectType == "skill").all().map(\.action)
            XCTAssertEqual(action, ["skill.add"])

            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let form = try await expert.get("/profile")
            XCTAssertContains(form.body.string, #"<select id="skill_record-linkage""#)
            let saved = try await expert.post("/profile", form: ["country": "GB", "skill_record-linkage": "2"])
            XCTAssertEqual(saved.status, .seeOther)
            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).first())
            XCTAssertEqual(profile.skills.map(\.id), ["record-linkage"])
        }
    }

    func testRenamingKeepsReferencesNeedsAReasonAndSurvivesARestart() async throws {
        try await withTestApp { app in
            let base = app.taxonomy
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            let page = try await admin.get("/skills/ocds/edit")
            XCTAssertEqual(page.status, .ok)
            let noReason = try await admin.post("/skills/ocds", form: ["labelEN": "OCDS data", "labelFR": "Données OCDS", "labelES": "Datos OCDS"])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertEqual(app.taxonomy.skill("ocds")?.labels.en, base.skill("ocds")?.labels.en, "a refused change changes nothing")
            let renamed = try await admin.post("/skills/ocds", form: ["labelEN": "OCDS data", "labelFR": "Données OCDS", "labelES": "Datos OCDS",
                                                                      "reason": "Users search for the data, not the standard"])
            XCTAssertEqual(renamed.status, .seeOther)
            XCTAssertEqual(app.taxonomy.skill("ocds")?.labels.en, "OCDS data")
            XCTAssertEqual(app.taxonomy.skill("ocds")?.group, base.skill("ocds")?.group)
            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "skill.rename").first())
            XCTAssertEqual(entry.reason, "Users search for the data, not the standard")

            // A restart loads the shipped file again and applies the stored edits over it.
            app.taxonomy = base
            XCTAssertEqual(app.taxonomy.skill("ocds")?.labels.en, base.skill("ocds")?.labels.en)
            try await app.skillsCatalogue.reload(from: app.db)
            XCTAssertEqual(app.taxonomy.skill("ocds")?.labels.en, "OCDS data")
            XCTAssertEqual(app.skillsCatalogue.editCount, 1)
        }
    }

    func testBadSkillsAreRefusedWithMessagesAndNothingIsKept() async throws {
        try await withTestApp { app in
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            var form = recordLinkage
            form["labelFR"] = " "
            form["group"] = "nowhere"
            let refused = try await admin.post("/skills", form: form)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "Name in French: This field is required.")
            XCTAssertContains(refused.body.string, "Group: Choose one of the options offered.")
            XCTAssertContains(refused.body.string, #"value="Record linkage""#)
            let stored = try await SkillEdit.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
            let missing = try await admin.get("/skills/no-such-skill/edit")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testOnlyAdministratorsChangeTheTaxonomyAndEveryoneSearchesIt() async throws {
        try await withTestApp { app in
            for role in [Role.coordinator, .expert, .publicParticipant, .evaluator, .analyst] {
                var browser = BrowserSession(app: app)
                try await browser.login(Demo.email(for: role))
                let list = try await browser.get("/skills?q=datos")
                XCTAssertEqual(list.status, .ok, "\(role)")
                XCTAssertFalse(list.body.string.contains(#"method="post" action="/skills""#), "\(role) is not offered the form")
                let add = try await browser.post("/skills", form: recordLinkage)
                XCTAssertEqual(add.status, .forbidden, "\(role)")
                let rename = try await browser.post("/skills/ocds", form: ["labelEN": "x", "labelFR": "x", "labelES": "x", "reason": "r"])
                XCTAssertEqual(rename.status, .forbidden, "\(role)")
                let api = try await APIClient.forUser(try await user(Demo.email(for: role), on: app), app: app)
                let post = try await api.send(.POST, "/api/v1/skills", json: #"{"group":"analysis","labels":{"en":"a","fr":"b","es":"c"}}"#)
                XCTAssertEqual(post.status, .forbidden, "\(role)")
            }
            XCTAssertNil(app.taxonomy.skill("record-linkage"))
        }
    }

    func testTheAPISearchesAddsAndRenames() async throws {
        try await withTestApp { app in
            let admin = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let created = try await admin.send(.POST, "/api/v1/skills", json: #"""
                {"group":"analysis","labels":{"en":"Record linkage","fr":"Appariement","es":"Vinculación"},"synonyms":["entity resolution"]}
                """#)
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(try created.content.decode(APISkillsController.SkillDTO.self).id, "record-linkage")
            let search = try await admin.send(.GET, "/api/v1/skills?q=vinculacion")
            XCTAssertEqual(try search.content.decode([APISkillsController.SkillDTO].self).first?.id, "record-linkage", "accents do not matter")
            let noReason = try await admin.send(.PUT, "/api/v1/skills/record-linkage", json: #"{"labels":{"en":"Linkage","fr":"Appariement","es":"Vinculación"}}"#)
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let renamed = try await admin.send(.PUT, "/api/v1/skills/record-linkage",
                                               json: #"{"labels":{"en":"Linkage","fr":"Appariement","es":"Vinculación"},"reason":"shorter"}"#)
            XCTAssertEqual(try renamed.content.decode(APISkillsController.SkillDTO.self).labels["en"], "Linkage")
            let unknown = try await admin.send(.PUT, "/api/v1/skills/nothing", json: #"{"labels":{"en":"a","fr":"b","es":"c"},"reason":"r"}"#)
            XCTAssertEqual(unknown.status, .notFound)
        }
    }
}
