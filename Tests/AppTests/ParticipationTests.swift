@testable import App
import AuditLog
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// A public body applies to take part; screening checks each minimum criterion and a coordinator decides the rest.
final class ParticipationTests: AppTestCase {
    let attested = ["proBono": "yes", "workHours": "yes", "publicCommunication": "yes", "integrityMandate": "yes"]

    func testAMemberSubmitsAndTheBodyIsScreenedCriterionByCriterion() async throws {
        try await withTestApp { app in
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            let path = ParticipationRoute.show.link(Demo.frenchAgency)
            let empty = try await member.get(path)
            XCTAssertEqual(empty.status, .ok)
            XCTAssertContains(empty.body.string, "Statut : Brouillon")

            var partial = attested
            partial["workHours"] = nil
            let failed = try await member.post(path, form: partial)
            XCTAssertEqual(failed.status, .seeOther)
            let body = try await XCTUnwrapAsync(try await Organisation.find(Demo.frenchAgency, on: app.db))
            XCTAssertEqual(body.participationStatus, .ineligible)
            XCTAssertTrue(body.screening.contains { $0.criterion == "work_hours" && $0.outcome == "fail" })

            _ = try await member.post(path, form: attested)
            let again = try await XCTUnwrapAsync(try await Organisation.find(Demo.frenchAgency, on: app.db))
            XCTAssertEqual(again.participationStatus, .eligible, "a resubmission is screened again")
            let entries = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "organisation.participation_submit").count()
            XCTAssertEqual(entries, 2)
        }
    }

    func testABodyWithoutContactsNeedsACoordinatorAndOthersCannotTouchIt() async throws {
        try await withTestApp { app in
            let kenya = StableID.make("org.ke-audit")
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            _ = try await coordinator.post(ParticipationRoute.show.link(kenya), form: attested)
            let body = try await XCTUnwrapAsync(try await Organisation.find(kenya, on: app.db))
            XCTAssertEqual(body.participationStatus, .ineligible, "no contact person has an account")

            let noReason = try await coordinator.post(ParticipationRoute.decide.link(kenya), form: ["decision": "eligible", "reason": ""])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let decided = try await coordinator.post(ParticipationRoute.decide.link(kenya),
                                                     form: ["decision": "eligible", "reason": "The auditor-general is the contact; account pending."])
            XCTAssertEqual(decided.status, .seeOther)
            let after = try await XCTUnwrapAsync(try await Organisation.find(kenya, on: app.db))
            XCTAssertEqual(after.participationStatus, .eligible)

            var other = BrowserSession(app: app)
            try await other.login(Demo.publicES)
            let hidden = try await other.get(ParticipationRoute.show.link(kenya))
            XCTAssertEqual(hidden.status, .notFound)
            let refused = try await other.post(ParticipationRoute.show.link(Demo.frenchAgency), form: attested)
            XCTAssertEqual(refused.status, .notFound)
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            let notStaff = try await member.post(ParticipationRoute.decide.link(Demo.frenchAgency), form: ["decision": "eligible", "reason": "r"])
            XCTAssertEqual(notStaff.status, .forbidden)
            let company = try await coordinator.get(ParticipationRoute.show.link(Demo.britishCompany))
            XCTAssertEqual(company.status, .notFound, "companies do not take part this way")
        }
    }

    func testTheAPISubmitsAndDecides() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let path = "/api/v1/organisations/\(Demo.frenchAgency.uuidString)/participation"
            let submitted = try await member.send(.PUT, path, json: #"{"proBono":true,"workHours":true,"publicCommunication":true}"#)
            XCTAssertEqual(submitted.status, .ok)
            let body = try submitted.content.decode(APIScreeningController.ParticipationDTO.self)
            XCTAssertEqual(body.status, "ineligible")
            XCTAssertTrue(body.screening.contains { $0.criterion == "mandate" && $0.outcome == "fail" })
            let refused = try await member.send(.POST, path + "/decision", json: #"{"decision":"eligible","reason":"r"}"#)
            XCTAssertEqual(refused.status, .forbidden)

            let staff = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let noReason = try await staff.send(.POST, path + "/decision", json: #"{"decision":"eligible"}"#)
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let decided = try await staff.send(.POST, path + "/decision", json: #"{"decision":"eligible","reason":"Mandate confirmed by decree."}"#)
            XCTAssertEqual(try decided.content.decode(APIScreeningController.ParticipationDTO.self).status, "eligible")
        }
    }
}
