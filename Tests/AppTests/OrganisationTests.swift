@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

final class OrganisationTests: AppTestCase {
    let validPublicBody = #"{"kind":"public_body","name":"Fictional Ethics Commission","country":"GH","publicBodyType":"anti_corruption_agency","jurisdiction":"national","mandate":"Promotes integrity in a fictional republic.","workingLanguages":["en"]}"#

    func testCoordinatorCreatesThroughTheAPIAndEveryChangeIsAudited() async throws {
        try await withTestApp { app in
            let coordinator = try await user(Demo.coordinator, on: app)
            let api = try await APIClient.forUser(coordinator, app: app)
            let created = try await api.send(.POST, "/api/v1/organisations", json: validPublicBody)
            XCTAssertEqual(created.status, .created)
            let dto = try created.content.decode(OrganisationDTO.self)
            XCTAssertEqual(dto.country, "GH")
            XCTAssertEqual(created.headers.first(name: .location), "/api/v1/organisations/\(dto.id.uuidString.lowercased())")

            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db)
                .filter(\.$action == "organisation.create").filter(\.$subjectID == dto.id.uuidString.lowercased()).first())
            XCTAssertEqual(entry.actor, "user:\(coordinator.id!.uuidString.lowercased())")
            XCTAssertContains(entry.changedFields, "name")
        }
    }

    func testAPIValidationNamesEachFieldAndSavesNothing() async throws {
        try await withTestApp { app in
            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let before = try await Organisation.query(on: app.db).count()
            let response = try await api.send(.POST, "/api/v1/organisations", json: #"{"kind":"public_body","name":"","country":"Narnia","workingLanguages":["xx"]}"#)
            XCTAssertEqual(response.status, .unprocessableEntity)
            let error = try response.content.decode(APIClient.ErrorBody.self)
            XCTAssertEqual(error.error.code, "validation_failed")
            let fields = Set(error.error.fields?.map(\.field) ?? [])
            XCTAssertEqual(fields, ["name", "country", "publicBodyType", "jurisdiction", "mandate", "workingLanguages"])
            XCTAssertEqual(error.error.fields?.first { $0.field == "country" }?.reason, app.catalogs.text("error.invalidCountry", .en))

            let malformed = try await api.send(.POST, "/api/v1/organisations", json: #"{"name": 42"#)
            XCTAssertEqual(malformed.status, .badRequest)
            XCTAssertEqual(try malformed.content.decode(APIClient.ErrorBody.self).error.code, "invalid_body")
            let after = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testListsArePaginatedAndBadPagingIsRefused() async throws {
        try await withTestApp { app in
            let api = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let page = try await api.send(.GET, "/api/v1/organisations?perPage=3&page=2&kind=public_body")
            XCTAssertEqual(page.status, .ok)
            let body = try page.content.decode(PageDTO<OrganisationDTO>.self)
            XCTAssertEqual(body.total, 4)
            XCTAssertEqual(body.items.count, 1)
            XCTAssertEqual(body.page, 2)
            let bad = try await api.send(.GET, "/api/v1/organisations?perPage=1000")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let wrongKind = try await api.send(.GET, "/api/v1/organisations?kind=cartel")
            XCTAssertEqual(wrongKind.status, .unprocessableEntity)
            // A page number whose rows would overflow is refused, not a crash.
            let farPage = try await api.send(.GET, "/api/v1/organisations?page=258021162470587520&perPage=80")
            XCTAssertEqual(farPage.status, .unprocessableEntity)

            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let farList = try await analyst.get(NeedRoute.list.link() + "?page=9223372036854775807")
            XCTAssertEqual(farList.status, .ok, "the pages read the last page they can instead of crashing")
        }
    }

    func testMemberEditsTheirOwnOrganisationThroughTheForm() async throws {
        try await withTestApp { app in
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            let path = "/organisations/\(Demo.frenchAgency.uuidString.lowercased())"
            let edit = try await member.get(path + "/edit")
            XCTAssertEqual(edit.status, .ok)
            XCTAssertContains(edit.body.string, "Agence fictive")

            let invalid = try await member.post(path, form: ["name": "", "country": "FR", "publicBodyType": "anti_corruption_agency",
                                                             "jurisdiction": "national", "mandate": "m"], arrays: ["workingLanguages": ["fr"]])
            XCTAssertEqual(invalid.status, .unprocessableEntity)
            XCTAssertContains(invalid.body.string, "Ce champ est obligatoire.")

            let saved = try await member.post(path, form: [
                "name": "Agence fictive de prévention de la corruption", "country": "FR", "publicBodyType": "anti_corruption_agency",
                "jurisdiction": "national", "mandate": "Nouveau mandat fictif.", "legalBasis": "Loi fictive n° 0000-00"], arrays: ["workingLanguages": ["fr", "es"]])
            XCTAssertEqual(saved.status, .seeOther)
            let agency = try await Organisation.find(Demo.frenchAgency, on: app.db)
            XCTAssertEqual(agency?.mandate, "Nouveau mandat fictif.")
            XCTAssertEqual(agency?.workingLanguages, ["fr", "es"])
            let update = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "organisation.update").first())
            XCTAssertEqual(update.changedFields, "mandate,workingLanguages")
        }
    }

    func testSearchFindsOrganisationsByName() async throws {
        try await withTestApp { app in
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let page = try await analyst.get("/organisations?q=Tribunal")
            XCTAssertContains(page.body.string, "Tribunal Ficticio de Cuentas")
            XCTAssertFalse(page.body.string.contains("Example Analytics"))
            let lowerCase = try await analyst.get("/organisations?q=tribunal%20ficticio")
            XCTAssertTrue(lowerCase.body.string.contains("Tribunal Ficticio de Cuentas"), "search ignores case on every database")
            let wildcard = try await analyst.get("/organisations?q=%25")
            XCTAssertTrue(wildcard.body.string.contains(#"<p class="empty">"#), "% is searched for, not a wildcard")
        }
    }
}
