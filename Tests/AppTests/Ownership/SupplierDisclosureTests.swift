@testable import App
import BeneficialOwnership
import Fluent
import Foundation
import XCTVapor
import XCTest

/// A company's disclosure through its page and the API: versioned and audited, partial with a reason, protected
/// details kept from everyone but the company and staff, and what a gated tender asks.
final class SupplierDisclosureTests: AppTestCase {
    static let form: [String: String] = [
        "base": "0", "completeness": "complete", "declared": "yes",
        "owners.0.kind": "person", "owners.0.name": "Ana Ejemplo", "owners.0.country": "ES", "owners.0.shareMinimum": "30",
        "owners.0.shareMaximum": "45", "owners.0.birthDate": "1970-04-02", "owners.0.address": "Calle Mayor 1, Madrid",
        "owners.0.identifier": "12345678Z", "owners.0.politicallyExposed": "yes",
        "owners.1.kind": "entity", "owners.1.name": "Holding Ejemplo SA", "owners.1.country": "ES", "owners.1.controls": "yes",
    ]

    func testACompanyDisclosesThroughItsPageAndEachVersionIsKept() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let empty = try await expert.get("/disclosure")
            XCTAssertEqual(empty.status, .ok)
            XCTAssertContains(empty.body.string, "Nothing yet")
            let declared = try await expert.post("/disclosure", form: Self.form)
            XCTAssertEqual(declared.status, .seeOther)
            let page = try await expert.get("/disclosure")
            XCTAssertContains(page.body.string, "Ana Ejemplo")
            XCTAssertContains(page.body.string, "30% to 45%")
            XCTAssertContains(page.body.string, "Calle Mayor 1")
            let disclosed = try await SupplierDisclosure.exists(for: Demo.britishCompany, on: app.db)
            XCTAssertTrue(disclosed)

            var partial = Self.form
            partial["base"] = "1"
            partial["completeness"] = "partial"
            partial["reason"] = "interestedPartyHasNotProvidedInformation"
            partial["reasonDescription"] = "A trust abroad has not answered."
            let second = try await expert.post("/disclosure", form: partial)
            XCTAssertEqual(second.status, .seeOther)
            let stale = try await expert.post("/disclosure", form: Self.form)
            XCTAssertEqual(stale.status, .seeOther, "a declaration from an older version is refused with a message")
            XCTAssertContains(try await expert.get("/disclosure").body.string, "Someone declared a newer version")
            let versions = try await SupplierDisclosure.query(on: app.db).sort(\.$version).all()
            XCTAssertEqual(versions.map(\.version), [1, 2])
            XCTAssertEqual(versions.map(\.complete), [true, false])
            XCTAssertEqual(versions[1].unspecifiedReason, "interestedPartyHasNotProvidedInformation")
            XCTAssertContains(versions[0].declaration, "true and complete")
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "disclosure.declare").count()
            XCTAssertEqual(audited, 2)
        }
    }

    func testAFormWithProblemsNamesEachOneInTheUsersLanguageAndWritesNothing() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            var bad = Self.form
            bad["declared"] = nil
            bad["owners.0.shareMinimum"] = "60"
            bad["owners.0.shareMaximum"] = "40"
            bad["owners.0.birthDate"] = "2990-01-01"
            bad["owners.1.identifier"] = "506700GE1G29325QX364"
            bad["owners.1.controls"] = nil
            let refused = try await expert.post("/disclosure", form: bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let html = refused.body.string
            for anchor in ["#declared", "#owners.0.shareMaximum", "#owners.0.birthDate", "#owners.1.identifier", "#owners.1.shareMinimum"] {
                XCTAssertContains(html, "href=\"\(anchor)\"")
            }
            XCTAssertContains(html, "Owner 1: Date of birth")
            let stored = try await SupplierDisclosure.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testTheAPIShowsProtectedDetailsOnlyToTheCompanyAndStaff() async throws {
        try await withTestApp { app in
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let body = #"{"base":0,"completeness":"partial","reason":"subjectUnableToConfirmOrIdentifyBeneficialOwner","declared":true,"owners":[{"kind":"person","name":"Ana Ejemplo","shareMinimum":30,"birthDate":"1970-04-02"}]}"#
            let created = try await expert.send(.POST, "/api/v1/disclosures", json: body)
            XCTAssertEqual(created.status, .created)
            let path = "/api/v1/disclosures/\(Demo.britishCompany.uuidString)"
            let own = try await expert.send(.GET, path)
            XCTAssertEqual(try own.content.decode([DisclosureDTO].self).first?.owners.first?.birthDate, "1970-04-02")
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let staff = try await coordinator.send(.GET, path)
            XCTAssertEqual(staff.status, .ok)
            for email in [Demo.analyst, Demo.publicFR] {
                let other = try await APIClient.forUser(try await user(email, on: app), app: app)
                let refused = try await other.send(.GET, path)
                XCTAssertEqual(refused.status, .forbidden, email)
            }
            let undeclared = try await expert.send(.POST, "/api/v1/disclosures", json: body.replacingOccurrences(of: #""declared":true"#, with: #""declared":false"#)
                .replacingOccurrences(of: #""base":0"#, with: #""base":1"#))
            XCTAssertEqual(undeclared.status, .unprocessableEntity)
            let participant = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let buyer = try await participant.send(.POST, "/api/v1/disclosures", json: body)
            XCTAssertEqual(buyer.status, .forbidden)
        }
    }
}
