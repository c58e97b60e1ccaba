@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

final class NeedIntegrationTests: AppTestCase {
    func testAPIDraftThenSubmitScreensTheNeed() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let created = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed()))
            XCTAssertEqual(created.status, .created)
            let need = try created.content.decode(NeedDTO.self)
            XCTAssertEqual(need.status, .draft)
            XCTAssertEqual(need.organisationID, Demo.spanishCourt)
            XCTAssertEqual(need.durationMonths, 3, "three months by default")
            let submitted = try await member.send(.POST, "/api/v1/needs/\(need.id.uuidString)/submit")
            XCTAssertEqual(submitted.status, .ok)
            XCTAssertEqual(try submitted.content.decode(NeedDTO.self).status, .eligible)
            let again = try await member.send(.POST, "/api/v1/needs/\(need.id.uuidString)/submit")
            XCTAssertEqual(again.status, .conflict, "a screened need cannot be submitted twice")

            let realData = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real")))
            let risky = try realData.content.decode(NeedDTO.self)
            let reviewed = try await member.send(.POST, "/api/v1/needs/\(risky.id.uuidString)/submit")
            XCTAssertEqual(try reviewed.content.decode(NeedDTO.self).status, .screened, "access to real data waits for a coordinator")
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$subjectType == "need").all().map(\.action)
            XCTAssertEqual(actions, ["need.create", "need.submit", "need.create", "need.submit"])
        }
    }

    func testIncompleteNeedsCannotBeSubmittedAndMalformedOnesCannotBeSaved() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let draft = try await member.send(.POST, "/api/v1/needs", json: json(["title": "Just an idea"]))
            XCTAssertEqual(draft.status, .created, "an incomplete draft may be saved")
            let id = try draft.content.decode(NeedDTO.self).id
            let submit = try await member.send(.POST, "/api/v1/needs/\(id.uuidString)/submit")
            XCTAssertEqual(submit.status, .unprocessableEntity)
            let fields = Set(try submit.content.decode(APIClient.ErrorBody.self).error.fields?.map(\.field) ?? [])
            XCTAssertTrue(fields.isSuperset(of: ["problemStatement", "supportAreas", "requiredSkills", "languages", "preferredStart",
                                                 "readiness.coordination"]))
            var bad = completeNeed()
            bad["requiredSkills"] = ["telepathy"]
            bad["durationMonths"] = 9
            let malformed = try await member.send(.POST, "/api/v1/needs", json: json(bad))
            XCTAssertEqual(malformed.status, .unprocessableEntity)
            let errors = Set(try malformed.content.decode(APIClient.ErrorBody.self).error.fields?.map(\.field) ?? [])
            XCTAssertEqual(errors, ["requiredSkills", "durationMonths"])
        }
    }

    func testNeedsOfAnotherBodyAreHiddenAndExpertsCannotListThem() async throws {
        try await withTestApp { app in
            let spanish = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let id = try await spanish.send(.POST, "/api/v1/needs", json: json(completeNeed())).content.decode(NeedDTO.self).id
            let french = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let read = try await french.send(.GET, "/api/v1/needs/\(id.uuidString)")
            XCTAssertEqual(read.status, .notFound)
            let submit = try await french.send(.POST, "/api/v1/needs/\(id.uuidString)/submit")
            XCTAssertEqual(submit.status, .notFound)
            let theirs = try await french.send(.GET, "/api/v1/needs").content.decode(PageDTO<NeedDTO>.self)
            XCTAssertEqual(theirs.total, 0)
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let analystRead = try await analyst.send(.GET, "/api/v1/needs/\(id.uuidString)")
            XCTAssertEqual(analystRead.status, .ok)
            let analystSubmit = try await analyst.send(.POST, "/api/v1/needs/\(id.uuidString)/submit")
            XCTAssertEqual(analystSubmit.status, .forbidden)
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let expertList = try await expert.send(.GET, "/api/v1/needs")
            XCTAssertEqual(expertList.status, .forbidden)
            let expertCreate = try await expert.send(.POST, "/api/v1/needs", json: json(completeNeed()))
            XCTAssertEqual(expertCreate.status, .forbidden)
        }
    }

    func testTheWebFormSavesADraftShowsErrorsThenTheChart() async throws {
        try await withTestApp { app in
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            let form = try await member.get("/needs/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertContains(form.body.string, "Volonté et soutien politiques")

            var fields = ["title": "Tableau de bord des signalements", "problemStatement": "Nous ne savons pas visualiser nos données.",
                          "whyPrivateSector": "Le privé le fait tous les jours.", "preferredStart": "2027-03-01", "durationMonths": "4",
                          "expectedOutputs": "Un tableau de bord.", "dataAccess": "synthetic"]
            for (area, score) in allRatings { fields["readiness_\(area)"] = String(score) }
            let saved = try await member.post("/needs", form: fields, arrays: [
                "supportAreas": ["4"], "requiredSkills": ["dashboards"], "languages": ["fr"]])
            XCTAssertEqual(saved.status, .seeOther)
            let location = try XCTUnwrap(saved.headers.first(name: .location))
            let page = try await member.get(location)
            XCTAssertContains(page.body.string, #"<svg xmlns="http://www.w3.org/2000/svg" role="img""#)
            XCTAssertContains(page.body.string, "4 mois")

            let submitted = try await member.post(location + "/submit")
            XCTAssertEqual(submitted.status, .seeOther)
            let need = try await XCTUnwrapAsync(try await Need.query(on: app.db).first())
            XCTAssertEqual(need.status, .eligible)

            var invalid = fields
            invalid["preferredStart"] = ""
            let rejected = try await member.post("/needs", form: invalid, arrays: ["supportAreas": ["9"], "languages": ["fr"]])
            XCTAssertEqual(rejected.status, .unprocessableEntity)
            XCTAssertContains(rejected.body.string, "Veuillez corriger les points suivants")
        }
    }
}

extension NeedIntegrationTests {
    func testAnotherBodysNeedCannotBeReadOrChangedThroughThePages() async throws {
        try await withTestApp { app in
            let spanish = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let id = try await spanish.send(.POST, "/api/v1/needs", json: json(completeNeed())).content.decode(NeedDTO.self).id
            var french = BrowserSession(app: app)
            try await french.login(Demo.publicFR)
            let read = try await french.get("/needs/\(id.uuidString)")
            XCTAssertEqual(read.status, .notFound)
            let edit = try await french.get("/needs/\(id.uuidString)/edit")
            XCTAssertEqual(edit.status, .notFound)
            let change = try await french.post("/needs/\(id.uuidString)", form: ["title": "Hijacked"])
            XCTAssertEqual(change.status, .notFound)
            let submit = try await french.post("/needs/\(id.uuidString)/submit")
            XCTAssertEqual(submit.status, .notFound)
            let need = try await Need.find(id, on: app.db)
            XCTAssertEqual(need?.title, "Red flags on our tenders")
            XCTAssertEqual(need?.status, .draft)
        }
    }
}

extension NeedIntegrationTests {
    func testACoordinatorDecidesANeedAwaitingReviewAndTheBodyIsTold() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let id = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real"))).content.decode(NeedDTO.self).id
            let draftID = try await member.send(.POST, "/api/v1/needs", json: json(["title": "Draft only"])).content.decode(NeedDTO.self).id
            _ = try await member.send(.POST, "/api/v1/needs/\(id.uuidString)/submit")

            var spanish = BrowserSession(app: app)
            try await spanish.login(Demo.publicES)
            let refused = try await spanish.post("/needs/\(id.uuidString)/decision", form: ["decision": "eligible", "reason": "mine"])
            XCTAssertEqual(refused.status, .forbidden)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.get("/needs/\(id.uuidString)")
            XCTAssertContains(page.body.string, "/needs/\(id.uuidString.lowercased())/decision")
            let noReason = try await coordinator.post("/needs/\(id.uuidString)/decision", form: ["decision": "eligible", "reason": ""])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let early = try await coordinator.post("/needs/\(draftID.uuidString)/decision", form: ["decision": "eligible", "reason": "r"])
            try await coordinator.assertRefused(early)

            let reason = "Access to real data is on the body's premises only; rules accepted."
            let decided = try await coordinator.post("/needs/\(id.uuidString)/decision", form: ["decision": "eligible", "reason": reason])
            XCTAssertEqual(decided.status, .seeOther)
            let need = try await Need.find(id, on: app.db)
            XCTAssertEqual(need?.status, .eligible)
            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "need.decide").first())
            XCTAssertEqual(entry.reason, reason)
            let mail = try await XCTUnwrapAsync(try await MailMessage.query(on: app.db).filter(\.$recipient == Demo.publicES)
                .filter(\.$subject == "Una decisión sobre su necesidad").first())
            XCTAssertContains(mail.body, reason)
        }
    }
}
