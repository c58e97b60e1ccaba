@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Administrators keep the reporting subjects on pages: a new subject from a model questionnaire, its recipients and
/// retention, and the builder, whose edits stay in the form until a checked questionnaire is published.
final class ReportSubjectsTests: AppTestCase {
    private let bribery = SeedQuestionnaire.bribery

    func testAnAdministratorAddsASubjectFromAModelAndNobodyElseMay() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            try await admin.post("/language", form: ["lang": "fr", "returnTo": "/report-subjects"])
            let list = try await admin.get("/report-subjects")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.body.string.contains("Sujets de signalement"))
            XCTAssertTrue(list.body.string.contains(bribery.key))

            let form = ["key": "bribery-in-health", "channel": "complaint", "title_en": "Bribery in health services",
                        "title_fr": "Corruption dans les services de santé", "title_es": "Soborno en los servicios de salud", "start": "seed:\(bribery.key)"]
            let created = try await admin.post("/report-subjects", form: form)
            XCTAssertEqual(created.status, .seeOther, created.body.string)
            let context = try await XCTUnwrapAsync(try await ReportContext.query(on: app.db).filter(\.$key == "bribery-in-health").first())
            XCTAssertEqual(created.headers.first(name: .location), "/report-subjects/\(try context.requireID().uuidString.lowercased())/builder")
            let version = try await XCTUnwrapAsync(try await QuestionnaireVersion.current(of: context.requireID(), on: app.db))
            XCTAssertEqual(version.number, 1)
            XCTAssertEqual(version.questionnaire, bribery.questionnaire)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "report_context.create").count()
            XCTAssertEqual(audited, 1)

            let taken = try await admin.post("/report-subjects", form: form)
            XCTAssertEqual(taken.status, .unprocessableEntity)
            XCTAssertTrue(taken.body.string.contains("déjà utilisé"), "the key is in use, said in French")
            var bad = form
            (bad["key"], bad["start"], bad["title_es"]) = ("Bribery!", "seed:nothing", "")
            let refused = try await admin.post("/report-subjects", form: bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            for field in ["key", "title_es"] { XCTAssertTrue(refused.body.string.contains("id=\"\(field)-error\""), field) }
            let subjects = try await ReportContext.query(on: app.db).count()
            XCTAssertEqual(subjects, 4, "three seeds and one new subject: nothing half written")

            for email in [Demo.coordinator, Demo.expert, Demo.publicFR, Demo.evaluator, Demo.analyst] {
                var other = BrowserSession(app: app)
                try await other.login(email)
                for path in ["/report-subjects", "/report-subjects/\(try context.requireID())", "/report-subjects/\(try context.requireID())/builder"] {
                    let page = try await other.get(path)
                    XCTAssertEqual(page.status, .forbidden, "\(email) \(path)")
                }
                let post = try await other.post("/report-subjects/\(try context.requireID())/publish", form: QuestionnaireForm(bribery.questionnaire).values)
                XCTAssertEqual(post.status, .forbidden, email)
            }
            var anonymous = BrowserSession(app: app)
            let signIn = try await anonymous.get("/report-subjects")
            XCTAssertEqual(signIn.status, .seeOther)
        }
    }

    func testTheBuildersButtonsChangeOnlyTheFormAndTheCheckNamesEachProblemInPlace() async throws {
        try await withTestApp { app in
            let (context, admin) = try await subjectAndAdministrator(app)
            var session = admin
            let builder = try await session.get("/report-subjects/\(context)/builder")
            XCTAssertEqual(builder.status, .ok)
            XCTAssertTrue(builder.body.string.contains(#"name="steps[1].fields[0].label.en""#))
            XCTAssertTrue(builder.body.string.contains(#"name="base" value="1""#))

            var values = QuestionnaireForm(bribery.questionnaire).values
            (values["base"], values["action"]) = ("1", "add-question:1")
            let added = try await session.post("/report-subjects/\(context)/builder", form: values)
            XCTAssertEqual(added.status, .ok)
            let fresh = "steps[1].fields[\(bribery.questionnaire.steps[1].fields.count)]"
            XCTAssertTrue(added.body.string.contains("name=\"\(fresh).label.fr\""), "the new question has its inputs")
            XCTAssertTrue(added.body.string.contains("href=\"#\(fresh.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "").replacingOccurrences(of: ".", with: "-"))-label-en\""),
                          "the check links to the new question's empty label")
            let versions = try await QuestionnaireVersion.query(on: app.db).count()
            XCTAssertEqual(versions, 3, "a button changes nothing stored")

            values["action"] = "check"
            let fine = try await session.post("/report-subjects/\(context)/builder", form: values)
            XCTAssertTrue(fine.body.string.contains("The check found no problem"))
            XCTAssertTrue(fine.body.string.contains(#"class="path""#), "the longest path is listed")
        }
    }

    func testPublishingMakesTheNextVersionOnceAndRefusesAnEditOfAReplacedVersion() async throws {
        try await withTestApp { app in
            let (context, admin) = try await subjectAndAdministrator(app)
            var session = admin
            var edited = bribery.questionnaire
            edited.steps[1].fields[0].help.en = "Say which office, in your own words."
            var form = QuestionnaireForm(edited).values
            form["base"] = "1"

            let published = try await session.post("/report-subjects/\(context)/publish", form: form)
            XCTAssertEqual(published.status, .seeOther)
            let current = try await XCTUnwrapAsync(try await QuestionnaireVersion.current(of: context, on: app.db))
            XCTAssertEqual(current.number, 2)
            XCTAssertEqual(current.questionnaire, edited)
            let administrator = try await user(Demo.administrator, on: app)
            XCTAssertEqual(current.$publishedBy.id, administrator.id)

            let again = try await session.post("/report-subjects/\(context)/publish", form: form)
            XCTAssertEqual(again.status, .seeOther, "the same questionnaire again is no change")
            var other = bribery.questionnaire
            other.steps[1].fields[0].help.en = "Another edit of version 1."
            var stale = QuestionnaireForm(other).values
            stale["base"] = "1"
            let refused = try await session.post("/report-subjects/\(context)/publish", form: stale)
            let flash = try await session.assertRefused(refused)
            XCTAssertTrue(flash.contains("published a new version while you were editing"), flash)

            var broken = QuestionnaireForm(edited).values
            (broken["base"], broken["steps[1].fields[0].why.es"]) = ("2", "")
            let unchecked = try await session.post("/report-subjects/\(context)/publish", form: broken)
            XCTAssertEqual(unchecked.status, .unprocessableEntity)
            XCTAssertTrue(unchecked.body.string.contains("id=\"steps-1-fields-0-why-es-error\""))
            let numbers = try await QuestionnaireVersion.query(on: app.db).filter(\.$context.$id == context).all().map(\.number).sorted()
            XCTAssertEqual(numbers, [1, 2])
        }
    }

    func testRecipientsAndRetentionAreSetOnTheSubjectsPage() async throws {
        try await withTestApp { app in
            let (context, admin) = try await subjectAndAdministrator(app)
            var session = admin
            let page = try await session.get("/report-subjects/\(context)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains(#"name="recipient_key_0""#))
            let agency = Demo.frenchAgency.uuidString.lowercased()
            let saved = try await session.post("/report-subjects/\(context)/settings", form: [
                "retention_days": "400", "recipient_key_0": SeedQuestionnaire.integrityUnit, "recipient_organisation_0": agency,
                "recipient_key_1": "", "recipient_organisation_1": ""])
            XCTAssertEqual(saved.status, .seeOther)
            let stored = try await XCTUnwrapAsync(try await ReportContext.find(context, on: app.db))
            XCTAssertEqual(stored.retentionDays, 400)
            XCTAssertEqual(stored.recipients, [.init(key: SeedQuestionnaire.integrityUnit, organisationID: Demo.frenchAgency)])

            let wrong = try await session.post("/report-subjects/\(context)/settings", form: [
                "retention_days": "5", "recipient_key_0": "Unit!", "recipient_organisation_0": UUID().uuidString])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            for id in ["retention_days-error", "recipient_key_0-error", "recipient_organisation_0-error"] { XCTAssertTrue(wrong.body.string.contains(id), id) }
            let unchanged = try await XCTUnwrapAsync(try await ReportContext.find(context, on: app.db))
            XCTAssertEqual(unchanged.retentionDays, 400, "nothing half written")
        }
    }

    func testEightClicksOfEachFormTakeEffectOnceAndTwoEditsOfOneVersionPublishOne() async throws {
        try await withTestApp { app in
            let (context, admin) = try await subjectAndAdministrator(app)
            let tab = admin
            let created = try await eightTimes("report_context.create", on: app) {
                var copy = tab
                return try await copy.post("/report-subjects", form: ["key": "bribery-in-health", "channel": "complaint", "title_en": "Health",
                                                                      "title_fr": "Santé", "title_es": "Salud", "start": "seed:\(SeedQuestionnaire.bribery.key)"])
            }
            XCTAssertEqual(created, 1)
            let settings = try await eightTimes("report_context.recipients", on: app) {
                var copy = tab
                return try await copy.post("/report-subjects/\(context)/settings", form: ["retention_days": "500"])
            }
            XCTAssertEqual(settings, 1)
            let editsBefore = try await AuditEntryRecord.query(on: app.db).count()
            var values = QuestionnaireForm(bribery.questionnaire).values
            values["action"] = "add-step"
            let form = values
            let statuses = try await Concurrently.fire(8) { var copy = tab; return try await copy.post("/report-subjects/\(context)/builder", form: form) }
            XCTAssertEqual(Set(statuses.map(\.code)), [200])
            let editsAfter = try await AuditEntryRecord.query(on: app.db).count()
            XCTAssertEqual(editsAfter, editsBefore, "the builder's buttons write nothing")

            var first = bribery.questionnaire, second = bribery.questionnaire
            first.steps[1].fields[0].help.en = "First edit."
            second.steps[1].fields[0].help.en = "Second edit."
            let forms = [first, second].map { q -> [String: String] in var v = QuestionnaireForm(q).values; v["base"] = "1"; return v }
            let eight = try await eightTimes("report_context.publish", on: app) { var copy = tab; return try await copy.post("/report-subjects/\(context)/publish", form: forms[0]) }
            XCTAssertEqual(eight, 1, "one questionnaire sent 8 times is published once")
            let current = try await XCTUnwrapAsync(try await QuestionnaireVersion.current(of: context, on: app.db))
            XCTAssertEqual(current.number, 2)

            var third = first, fourth = first
            third.steps[1].fields[0].why.en = "Third edit."
            fourth.steps[1].fields[0].why.en = "Fourth edit."
            let pairForms = [third, fourth].map { q -> [String: String] in var v = QuestionnaireForm(q).values; v["base"] = "2"; return v }
            let pair = try await Concurrently.fire(pairForms.map { form in { @Sendable in
                var copy = tab
                return try await copy.post("/report-subjects/\(context)/publish", form: form)
            } })
            XCTAssertEqual(pair.map(\.code), [303, 303], "the loser is sent back with a flash")
            let versions = try await QuestionnaireVersion.query(on: app.db).filter(\.$context.$id == context).sort(\.$number).all()
            XCTAssertEqual(versions.map(\.number), [1, 2, 3], "of two edits of version 2, one is published and the other refused")
            XCTAssertTrue([third, fourth].contains(versions[2].questionnaire))
        }
    }

    func testTheAPIAddsASubjectSetsItAndPublishesWithTheSameRules() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            let admin = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let body = #"{"key":"bribery-in-health","channel":"complaint","title":{"en":"Health","fr":"Santé","es":"Salud"},"start":"seed:\#(bribery.key)"}"#
            let created = try await admin.send(.POST, "/api/v1/report-subjects", json: body)
            XCTAssertEqual(created.status, .created, created.body.string)
            let subject = try JSONDecoder().decode(ReportSubjectDTO.self, from: Data(created.body.readableBytesView))
            XCTAssertEqual(subject.version, 1)
            let missing = try await admin.send(.POST, "/api/v1/report-subjects", json: #"{"key":"x","channel":"complaint","title":{"en":"","fr":"","es":""}}"#)
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.body.string.contains(#""title.fr""#) && missing.body.string.contains(#""key""#), missing.body.string)

            let agency = Demo.frenchAgency.uuidString.lowercased()
            let set = try await admin.send(.PUT, "/api/v1/report-subjects/\(subject.id)/settings",
                                           json: #"{"retentionDays":365,"recipients":[{"key":"integrity-unit","organisation":"\#(agency)"}]}"#)
            XCTAssertEqual(set.status, .ok, set.body.string)
            let refused = try await admin.send(.PUT, "/api/v1/report-subjects/\(subject.id)/settings",
                                               json: #"{"retentionDays":1,"recipients":[{"key":"Unit!","organisation":"\#(agency)"}]}"#)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains(#""recipients[0].key""#) && refused.body.string.contains(#""retentionDays""#), refused.body.string)

            let current = try await admin.send(.GET, "/api/v1/report-subjects/\(subject.id)/questionnaire")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let version = try decoder.decode(QuestionnaireVersionDTO.self, from: Data(current.body.readableBytesView))
            XCTAssertEqual(version.questionnaire.questionnaire, bribery.questionnaire)
            XCTAssertEqual(version.longestPath.count, bribery.questionnaire.longestPath().count)
            var document = version.questionnaire
            document.steps[1].fields[0].help.en = "Edited through the API."
            let publication = String(decoding: try JSONEncoder().encode(QuestionnairePublicationInput(base: 1, questionnaire: document)), as: UTF8.self)
            let published = try await admin.send(.POST, "/api/v1/report-subjects/\(subject.id)/questionnaire", json: publication)
            XCTAssertEqual(published.status, .created, published.body.string)
            let again = try await admin.send(.POST, "/api/v1/report-subjects/\(subject.id)/questionnaire", json: publication)
            XCTAssertEqual(again.status, .conflict, "the current questionnaire again")
            document.steps[1].fields[0].help.es = ""
            let broken = String(decoding: try JSONEncoder().encode(QuestionnairePublicationInput(base: 2, questionnaire: document)), as: UTF8.self)
            let problems = try await admin.send(.POST, "/api/v1/report-subjects/\(subject.id)/questionnaire", json: broken)
            XCTAssertEqual(problems.status, .unprocessableEntity)
            XCTAssertTrue(problems.body.string.contains(#""steps[1].fields[0].help.es""#), problems.body.string)

            for email in [Demo.coordinator, Demo.expert, Demo.publicFR, Demo.evaluator, Demo.analyst] {
                let outsider = try await APIClient.forUser(try await user(email, on: app), app: app)
                let list = try await outsider.send(.GET, "/api/v1/report-subjects")
                XCTAssertEqual(list.status, .forbidden, email)
                let publish = try await outsider.send(.POST, "/api/v1/report-subjects/\(subject.id)/questionnaire", json: publication)
                XCTAssertEqual(publish.status, .forbidden, email)
            }
        }
    }

    func testEightAPIRequestsOfEachChangeTakeEffectOnce() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            let admin = try await APIClient.forUser(try await user(Demo.administrator, on: app), app: app)
            let body = #"{"key":"bribery-in-health","channel":"complaint","title":{"en":"Health","fr":"Santé","es":"Salud"},"start":"seed:\#(bribery.key)"}"#
            let created = try await eightTimes("report_context.create", on: app) { try await admin.send(.POST, "/api/v1/report-subjects", json: body) }
            XCTAssertEqual(created, 1)
            let context = try await XCTUnwrapAsync(try await ReportContext.query(on: app.db).filter(\.$key == "bribery-in-health").first()).requireID()
            let settings = try await eightTimes("report_context.recipients", on: app) {
                try await admin.send(.PUT, "/api/v1/report-subjects/\(context)/settings", json: #"{"retentionDays":365,"recipients":[]}"#)
            }
            XCTAssertEqual(settings, 1)
            var edited = bribery.questionnaire
            edited.steps[1].fields[0].help.en = "Edited eight times."
            let publication = String(decoding: try JSONEncoder().encode(QuestionnairePublicationInput(base: 1, questionnaire: QuestionnaireDocument(edited))), as: UTF8.self)
            let published = try await eightTimes("report_context.publish", on: app) {
                try await admin.send(.POST, "/api/v1/report-subjects/\(context)/questionnaire", json: publication)
            }
            XCTAssertEqual(published, 1)
        }
    }

    /// The bribery subject's id, and an administrator signed in.
    private func subjectAndAdministrator(_ app: Application) async throws -> (UUID, BrowserSession) {
        try await app.registry.reportContexts.seed()
        var admin = BrowserSession(app: app)
        try await admin.login(Demo.administrator)
        let context = try await XCTUnwrapAsync(try await ReportContext.query(on: app.db).filter(\.$key == bribery.key).first())
        return (try context.requireID(), admin)
    }
}
