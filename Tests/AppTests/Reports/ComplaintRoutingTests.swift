@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// Complaints reach the authority the routing table names for their subject and region; coordinators keep the table,
/// and nobody else may.
final class ComplaintRoutingTests: AppTestCase {
    private let bribery = SeedQuestionnaire.bribery.key
    private let westernEurope = "155", southernEurope = "039"

    func testAComplaintGoesToTheAuthorityOfTheMostSpecificRow() async throws {
        try await withTestApp { app in
            let (unit, ombudsman) = try await reportingRecipients(app)
            let coordinator = try await user(Demo.coordinator, on: app)
            let unitOrganisation = try XCTUnwrap(unit.$organisation.id), ombudsmanOrganisation = try XCTUnwrap(ombudsman.$organisation.id)
            _ = try await app.registry.complaintRouting.add(.init(category: bribery, region: nil, authority: unitOrganisation), by: coordinator)
            _ = try await app.registry.complaintRouting.add(.init(category: bribery, region: westernEurope, authority: ombudsmanOrganisation), by: coordinator)

            let west = try await readers(of: submit(briberyComplaint(region: westernEurope), app), app)
            XCTAssertEqual(west.readers, [WrappedKey.whistleblower, RecipientKeyService.readerID(try ombudsman.requireID())])
            XCTAssertEqual(west.report.$authority.id, ombudsmanOrganisation)
            XCTAssertEqual(west.report.region, westernEurope)
            XCTAssertEqual(west.report.statistics?["service"], ["health"])
            XCTAssertEqual(west.report.statistics?["where"], [westernEurope])
            XCTAssertNil(west.report.statistics?["account"], "only statistical answers stay readable")

            let south = try await readers(of: submit(briberyComplaint(region: southernEurope), app), app)
            XCTAssertEqual(south.readers, [WrappedKey.whistleblower, RecipientKeyService.readerID(try unit.requireID())])
            XCTAssertEqual(south.report.$authority.id, unitOrganisation)

            // Whistleblowing is never routed: the subject's recipients receive it.
            let tip = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.officialMisconduct.key, answers: [
                "kind": ["theft"], "account": ["The fees vanish."], "handlers-involved": ["no"]], regions: [])
            let disclosed = try await readers(of: tip, app)
            XCTAssertEqual(disclosed.readers.count, 3)
            XCTAssertNil(disclosed.report.$authority.id)
        }
    }

    func testTheFirstResponseAndTheClosingAreDated() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let receipt = try await submit(briberyComplaint(region: southernEurope), app)
            let id = try await app.registry.reportIntake.open(receipt: receipt.value).reportID
            try await app.registry.reportIntake.reply(receipt: receipt.value, text: "One more thing.")
            var report = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
            XCTAssertNil(report.firstResponseOn, "the reporter's own message is no response")
            let key = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            try await app.registry.reportIntake.ask(id, as: unit, privateKey: key, text: "Which hospital?")
            try await app.registry.reportIntake.changeStatus(id, from: .received, to: .closedWithoutAction, explanation: "Out of our remit.", as: unit, privateKey: key)
            report = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
            XCTAssertEqual(report.firstResponseOn, app.clock.now().day)
            XCTAssertEqual(report.closedOn, app.clock.now().day)
        }
    }

    func testCoordinatorsKeepTheTableThroughTheAPIAndNobodyElseMay() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            let agency = Demo.frenchAgency.uuidString.lowercased()
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let row = #"{"category":"\#(bribery)","region":"155","authority":"\#(agency)"}"#
            let added = try await coordinator.send(.POST, "/api/v1/complaint-routes", json: row)
            XCTAssertEqual(added.status, .created, added.body.string)
            let again = try await coordinator.send(.POST, "/api/v1/complaint-routes", json: row)
            XCTAssertEqual(again.status, .conflict)
            let wrong = try await coordinator.send(.POST, "/api/v1/complaint-routes", json: #"{"category":"procurement-fraud","region":"999","authority":"\#(agency)"}"#)
            XCTAssertEqual(wrong.status, .unprocessableEntity, "whistleblowing subjects are not routed, and 999 is no region")
            XCTAssertTrue(wrong.body.string.contains("category") && wrong.body.string.contains("region"), wrong.body.string)
            let listed = try await coordinator.send(.GET, "/api/v1/complaint-routes")
            let rows = try JSONDecoder().decode([[String: String?]].self, from: Data(listed.body.readableBytesView))
            XCTAssertEqual(rows.map { $0["region"] }, [.some("155")])

            for email in [Demo.expert, Demo.publicFR, Demo.evaluator, Demo.analyst] {
                let outsider = try await APIClient.forUser(try await user(email, on: app), app: app)
                let refused = try await outsider.send(.POST, "/api/v1/complaint-routes", json: #"{"authority":"\#(agency)"}"#)
                XCTAssertEqual(refused.status, .forbidden, email)
                let hidden = try await outsider.send(.GET, "/api/v1/complaint-routes")
                XCTAssertEqual(hidden.status, .forbidden, email)
            }
            let id = try await XCTUnwrapAsync(try await ComplaintRoute.query(on: app.db).first()).requireID()
            let removed = try await coordinator.send(.DELETE, "/api/v1/complaint-routes/\(id)")
            XCTAssertEqual(removed.status, .noContent)
            let gone = try await coordinator.send(.DELETE, "/api/v1/complaint-routes/\(id)")
            XCTAssertEqual(gone.status, .notFound)
        }
    }

    func testTheTablePageAddsAndRemovesRowsInTheReadersLanguage() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.post("/language", form: ["lang": "fr", "returnTo": "/complaint-routing"])
            let empty = try await coordinator.get("/complaint-routing")
            XCTAssertTrue(empty.body.string.contains("Orientation des plaintes"))
            let added = try await coordinator.post("/complaint-routing", form: ["category": "", "region": "", "authority": Demo.frenchAgency.uuidString.lowercased()])
            XCTAssertEqual(added.status, .seeOther)
            try await coordinator.post("/language", form: ["lang": "es", "returnTo": "/complaint-routing"])
            let table = try await coordinator.get("/complaint-routing")
            XCTAssertTrue(table.body.string.contains("Cualquiera"), "a row for anything reads as such")
            let missing = try await coordinator.post("/complaint-routing", form: ["region": "155"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.body.string.contains("Autoridad responsable"))
            let id = try await XCTUnwrapAsync(try await ComplaintRoute.query(on: app.db).first()).requireID()
            let removed = try await coordinator.post("/complaint-routing/\(id)/remove", form: [:])
            XCTAssertEqual(removed.status, .seeOther)
            let count = try await ComplaintRoute.query(on: app.db).count()
            XCTAssertEqual(count, 0)

            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let refused = try await expert.get("/complaint-routing")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testEightClicksOfEachChangeTakeEffectOnce() async throws {
        try await withTestApp { app in
            try await app.registry.reportContexts.seed()
            var page = BrowserSession(app: app)
            try await page.login(Demo.coordinator)
            _ = try await page.get("/complaint-routing")
            let tab = page
            let agency = Demo.frenchAgency.uuidString.lowercased(), bribery = bribery
            let added = try await eightTimes("complaint_route.add", on: app) {
                var copy = tab; return try await copy.post("/complaint-routing", form: ["category": bribery, "authority": agency], once: true)
            }
            XCTAssertEqual(added, 1)
            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let apiAdded = try await eightTimes("complaint_route.add", on: app) {
                try await api.send(.POST, "/api/v1/complaint-routes", json: #"{"region":"155","authority":"\#(agency)"}"#)
            }
            XCTAssertEqual(apiAdded, 1, "the same row sent 8 times is added once; the others answer 409")
            let routes = try await ComplaintRoute.query(on: app.db).sort(\.$storedRegion).all()
            let pageRow = try routes[1].requireID(), apiRow = try routes[0].requireID()
            _ = try await page.get("/complaint-routing")
            let again = page
            let removed = try await eightTimes("complaint_route.remove", on: app) {
                var copy = again; return try await copy.post("/complaint-routing/\(pageRow)/remove", form: [:], once: true)
            }
            XCTAssertEqual(removed, 1)
            let apiRemoved = try await eightTimes("complaint_route.remove", on: app) { try await api.send(.DELETE, "/api/v1/complaint-routes/\(apiRow)") }
            XCTAssertEqual(apiRemoved, 1)
        }
    }

    private func submit(_ answers: [String: [String]], _ app: Application) async throws -> Receipt {
        try await app.registry.reportIntake.submit(to: bribery, answers: answers, regions: Set(WorldRegion.all.map(\.code)))
    }

    private func readers(of receipt: Receipt, _ app: Application) async throws -> (report: Report, readers: Set<String>) {
        let id = try await app.registry.reportIntake.open(receipt: receipt.value).reportID
        let report = try await XCTUnwrapAsync(try await Report.find(id, on: app.db))
        let readers = try await ReportReaderKey.query(on: app.db).filter(\.$report.$id == id).all().map(\.readerID)
        return (report, Set(readers))
    }
}
