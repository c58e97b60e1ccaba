@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// The Terms of Reference of a cleared match: the builder's rules in the reader's language, versions with a diff,
/// the three signatures, edits after sign-off, the start, and the exports.
final class TermsOfReferenceTests: AppTestCase {
    /// A complete draft for the Spanish court's OCDS need (support area 3), starting on its preferred start.
    static func form(success: String = "We will know we are successful when we have a monthly list of risky tenders.") -> [String: String] {
        [
            "start": "2027-02-01", "months": "3",
            "person_name_0": "Pablo Ejemplo", "person_side_0": "public_body", "person_role_0": "Owns the data and decisions",
            "person_name_1": "Elena Muestra", "person_side_1": "expert", "person_role_1": "Builds the indicators",
            "person_name_2": "Cora Ordinator", "person_side_2": "programme_office", "person_role_2": "Keeps the exchange on track",
            "person_name_3": "", "person_side_3": "", "person_role_3": "",
            "meeting_cadence": "Every two weeks", "decision_making": "The two leads agree", "escalation": "To the programme office",
            "goal_text_0": "Flag risky tenders", "goal_area_0": "3",
            "deliverable_goal_0": "1", "deliverable_title_0": "Indicator pipeline", "deliverable_due_0": "2027-04-15",
            "milestone_title_0": "Data received", "milestone_due_0": "2027-02-20",
            "success_statement": success,
            "communication_what": "Lessons learned", "communication_channels": "The programme website", "communication_consent": "Both parties",
            "data_access": "none", "data_rules": "", "values_tailoring": "",
        ]
    }

    func testTermsAreValidatedVersionedSignedByAllThreeAndStartTheEngagement() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            XCTAssertEqual(match.stage, .torDrafting)
            let terms = TermsRoute.show.link(match.id!)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)

            let first = try await coordinator.get(terms)
            XCTAssertEqual(first.status, .ok)
            XCTAssertContains(first.body.string, "Elena Muestra")

            // Each rule speaks the reader's language: Elena reads Spanish.
            var bad = Self.form(success: "Success is a list of tenders.")
            bad["deliverable_due_0"] = "2027-06-01"
            let refused = try await expert.post(terms, form: bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "debe empezar por «Sabremos que hemos tenido éxito cuando hayamos»")
            XCTAssertContains(refused.body.string, "Entregable 1: fecha de entrega")
            let none = try await TermsVersion.query(on: app.db).count()
            XCTAssertEqual(none, 0)

            let saved = try await expert.post(terms, form: Self.form())
            XCTAssertEqual(saved.status, .seeOther)
            let unchanged = try await coordinator.post(terms, form: Self.form())
            XCTAssertEqual(unchanged.status, .seeOther)
            let versions = try await TermsVersion.query(on: app.db).count()
            XCTAssertEqual(versions, 1, "saving the same terms makes no version")

            for session in [expert, body] {
                var signer = session
                let signed = try await signer.post(terms + "/sign")
                XCTAssertEqual(signed.status, .seeOther)
            }
            let twice = try await body.post(terms + "/sign")
            try await body.assertRefused(twice)
            let early = try await coordinator.post(TermsRoute.start.link(match.id!))
            try await coordinator.assertRefused(early, "no start before sign-off")
            let last = try await coordinator.post(terms + "/sign")
            XCTAssertEqual(last.status, .seeOther)
            let signedOff = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(signedOff.stage, .torSigned)
            XCTAssertEqual(signedOff.termsSigned, true)

            // An edit after sign-off is a new version that needs every signature again, with its diff.
            var edited = Self.form()
            edited["months"] = "4"
            edited["milestone_title_1"] = "Pilot live"
            edited["milestone_due_1"] = "2027-05-01"
            let revised = try await body.post(terms, form: edited)
            XCTAssertEqual(revised.status, .seeOther)
            let reopened = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(reopened.stage, .torDrafting)
            XCTAssertEqual(reopened.termsSigned, false)
            XCTAssertEqual(reopened.plannedMonths, 4)
            let diff = try await coordinator.get(terms + "/versions/2").body.string
            XCTAssertContains(diff, "Changes since version 1")
            XCTAssertContains(diff, "<del>3</del>")
            XCTAssertContains(diff, "<ins>Pilot live · 2027-05-01</ins>")

            for session in [expert, body, coordinator] {
                var signer = session
                let signed = try await signer.post(terms + "/sign")
                XCTAssertEqual(signed.status, .seeOther)
            }
            let started = try await coordinator.post(TermsRoute.start.link(match.id!))
            XCTAssertEqual(started.status, .seeOther)
            let active = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            XCTAssertEqual(active.stage, .active)
            let frozen = try await body.post(terms, form: Self.form())
            try await body.assertRefused(frozen, "the terms of a started engagement stay as signed")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["terms.version", "terms.sign", "engagement.start"]).count()
            XCTAssertEqual(actions, 2 + 6 + 1)
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.engagement_started").count()
            XCTAssertGreaterThan(told, 1)
        }
    }

    func testAnUnfinishedDraftIsKeptWithItsProblemsUntilAVersionIsSaved() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let terms = TermsRoute.show.link(match.id!)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            _ = try await expert.get(terms)
            var unfinished = Self.form(success: "Better data.")
            unfinished["action"] = "draft"
            let kept = try await expert.post(terms, form: unfinished)
            XCTAssertEqual(kept.status, .seeOther)
            let versions = try await TermsVersion.query(on: app.db).count()
            XCTAssertEqual(versions, 0, "a kept draft is no version")

            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let page = try await body.get(terms).body.string
            XCTAssertContains(page, "Este es el borrador que Elena")
            XCTAssertContains(page, "Better data.")
            XCTAssertContains(page, #"aria-invalid="true""#)
            _ = try await expert.get(terms)
            _ = try await expert.post(terms, form: unfinished)
            let keptOnce = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "terms.draft_keep").count()
            XCTAssertEqual(keptOnce, 1, "the same draft again changes nothing")

            let saved = try await expert.post(terms, form: Self.form())
            XCTAssertEqual(saved.status, .seeOther)
            let drafts = try await TermsDraft.query(on: app.db).count()
            XCTAssertEqual(drafts, 0, "saving a version ends the draft")
            let after = try await body.get(terms).body.string
            XCTAssertFalse(after.contains("Este es el borrador"))

            var evaluator = BrowserSession(app: app)
            try await evaluator.login(Demo.evaluator)
            let refused = try await evaluator.post(terms, form: unfinished)
            XCTAssertTrue([.forbidden, .notFound].contains(refused.status), "\(refused.status)")
            let stillNone = try await TermsDraft.query(on: app.db).count()
            XCTAssertEqual(stillNone, 0)
        }
    }

    func testADraftKeptThroughTheAPIReadsBackWithItsProblems() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let draft = "/api/v1/matches/\(match.id!)/terms/draft"
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let none = try await expert.send(.GET, draft)
            XCTAssertEqual(none.status, .ok)
            XCTAssertEqual(try none.content.decode(APITermsController.DraftDTO.self).kept, false)

            let kept = try await expert.send(.PUT, draft, json: #"{"months": 4, "successStatement": "Better data.", "goals": [{"text": "Clean data"}]}"#)
            XCTAssertEqual(kept.status, .ok)
            let answer = try kept.content.decode(APITermsController.DraftDTO.self)
            XCTAssertEqual(answer.kept, true)
            XCTAssertEqual(answer.changed, true)
            XCTAssertEqual(answer.terms?.successStatement, "Better data.")
            XCTAssertEqual(answer.terms?.months, 4)
            XCTAssertTrue(answer.problems.contains { $0.field == "goals[0].supportArea" }, "\(answer.problems)")
            let versions = try await TermsVersion.query(on: app.db).count()
            XCTAssertEqual(versions, 0, "a kept draft is no version")

            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let page = try await body.get(TermsRoute.show.link(match.id!)).body.string
            XCTAssertContains(page, "Better data.")  // the builder opens on the draft the API kept

            let evaluator = try await APIClient.forUser(try await user(Demo.evaluator, on: app), app: app)
            let refused = try await evaluator.send(.PUT, draft, json: #"{"months": 5}"#)
            XCTAssertTrue([.forbidden, .notFound].contains(refused.status), "\(refused.status)")
            let stranger = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let hidden = try await stranger.send(.GET, draft)
            XCTAssertEqual(hidden.status, .notFound, "another body's match does not exist for them")
            let unchanged = try await TermsDraft.query(on: app.db).first()?.fields["months"]
            XCTAssertEqual(unchanged, "4")
        }
    }

    func testExportsAndWhoMayReadOrChange() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let terms = TermsRoute.show.link(match.id!)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            _ = try await coordinator.post(terms, form: Self.form())

            let json = try await coordinator.get(terms + "/export.json")
            XCTAssertEqual(json.status, .ok)
            struct Export: Decodable { let version: Int; let terms: TermsOfReference }
            let export = try JSONDecoder().decode(Export.self, from: Data(json.body.readableBytesView))
            XCTAssertEqual(export.version, 1)
            XCTAssertEqual(export.terms.goals.map(\.supportArea), [3])
            let html = try await coordinator.get(terms + "/export.html").body.string
            XCTAssertContains(html, "<h1>Terms of Reference — Análisis OCDS</h1>")
            XCTAssertContains(html, "monthly list of risky tenders")
            let missing = try await coordinator.get(terms + "/export.json?version=9").status
            XCTAssertEqual(missing, .notFound)

            let pdf = try await coordinator.get(terms + "/export.pdf")
            if (try? PDFPrinter(configured: nil)) != nil {
                XCTAssertEqual(pdf.status, .ok)
                XCTAssertEqual(Array(pdf.body.readableBytesView.prefix(5)), Array("%PDF-".utf8))
            } else {
                XCTAssertEqual(pdf.status, .serviceUnavailable)
            }

            var evaluator = BrowserSession(app: app)
            try await evaluator.login(Demo.evaluator)
            let read = try await evaluator.get(terms).status
            XCTAssertEqual(read, .ok)
            let write = try await evaluator.post(terms, form: Self.form())
            XCTAssertEqual(write.status, .forbidden)
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let hidden = try await analyst.get(terms).status
            XCTAssertEqual(hidden, .notFound)
        }
    }

    /// The workflow takes signatures only while the Terms are drafted: not on the Terms of a cancelled match.
    func testNoOneSignsTheTermsOfACancelledMatch() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let drafted = try await expert.send(.PUT, "\(base)/terms", json: Self.termsJSON())
            XCTAssertEqual(drafted.status, .created)
            let cancelled = try await coordinator.send(.POST, "\(base)/cancel", json: #"{"reason": "The body withdrew."}"#)
            XCTAssertEqual(cancelled.status, .ok)
            let signed = try await expert.send(.POST, "\(base)/terms/sign")
            XCTAssertEqual(signed.status, .conflict)
            XCTAssertEqual(try signed.content.decode(APIClient.ErrorBody.self).error.code, "engagement_not_from_stage")
            let signatures = try await TermsSignature.query(on: app.db).count()
            XCTAssertEqual(signatures, 0)
        }
    }

    func testTheAPIDraftsSignsAndStartsWithTheSameRules() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let wrong = try await expert.send(.PUT, "\(base)/terms", json: Self.termsJSON(success: "It works."))
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertEqual(try wrong.content.decode(APIClient.ErrorBody.self).error.fields?.map(\.field), ["successStatement"], "the API names the field as its body does")
            let good = Self.termsJSON()
            let saved = try await expert.send(.PUT, "\(base)/terms", json: good)
            XCTAssertEqual(saved.status, .created)
            let same = try await body.send(.PUT, "\(base)/terms", json: good)
            XCTAssertEqual(try same.content.decode(APITermsController.SavedDTO.self).created, false)

            for party in [expert, body, coordinator] {
                let signed = try await party.send(.POST, "\(base)/terms/sign")
                XCTAssertEqual(signed.status, .ok)
            }
            let read = try await body.send(.GET, "\(base)/terms")
            let dto = try read.content.decode(APITermsController.TermsDTO.self)
            XCTAssertEqual(dto.stage, "tor_signed")
            XCTAssertEqual(dto.versions.first?.signatures.count, 3)
            XCTAssertEqual(dto.versions.first?.terms?.months, 3)
            let byParty = try await body.send(.POST, "\(base)/start")
            XCTAssertEqual(byParty.status, .forbidden)
            let started = try await coordinator.send(.POST, "\(base)/start")
            XCTAssertEqual(try started.content.decode(APITermsController.TermsDTO.self).stage, "active")
        }
    }
}

/// The domain names Terms fields as the API does; the page maps each name to the form field that shows its error.
final class TermsFormFieldTests: XCTestCase {
    func testDomainFieldsMapToTheFormsFields() {
        XCTAssertEqual(TermsForm.fields.formField("goals[0].text"), "goal_text_0")
        XCTAssertEqual(TermsForm.fields.formField("goals[12].supportArea"), "goal_area_12")
        XCTAssertEqual(TermsForm.fields.formField("people[2].responsibilities"), "person_role_2")
        XCTAssertEqual(TermsForm.fields.formField("deliverables[1].due"), "deliverable_due_1")
        XCTAssertEqual(TermsForm.fields.formField("milestones[0].title"), "milestone_title_0")
        XCTAssertEqual(TermsForm.fields.formField("governance.meetingCadence"), "meeting_cadence")
        XCTAssertEqual(TermsForm.fields.formField("dataHandling.rules"), "data_rules")
        XCTAssertEqual(TermsForm.fields.formField("start"), "start")
        XCTAssertEqual(TermsForm.fields.formField("people"), "people")
        XCTAssertEqual(MeetingFormPage.fields.formField("actions[3].due"), "action_due_3")
    }
}
