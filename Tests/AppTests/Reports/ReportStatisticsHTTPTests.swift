@testable import App
import ExchangeCore
import Fluent
import SecureReporting
import XCTVapor

/// The public statistics through the dashboard, the CSV and the API; the coordinators' oversight page.
final class ReportStatisticsHTTPTests: AppTestCase {
    private func complain(_ count: Int, region: String, _ app: Application) async throws {
        for _ in 0..<count {
            _ = try await app.registry.reportIntake.submit(to: SeedQuestionnaire.bribery.key, answers: briberyComplaint(region: region),
                                                           regions: Set(WorldRegion.all.map(\.code)))
        }
    }

    private func total(_ app: Application) async throws -> Int? {
        var visitor = BrowserSession(app: app)
        let answer = try await visitor.get("/api/v1/report-statistics")
        XCTAssertEqual(answer.status, .ok)
        let json = try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as! [String: Any]
        let tables = json["tables"] as! [[String: Any]]
        return tables.first { $0["dimension"] as? String == "channel" }?["total"] as? Int
    }

    func testTheCountShowsOnceKIsReachedAndNeverASmallRegion() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            try await complain(4, region: "039", app)
            let hidden = try await total(app)
            XCTAssertNil(hidden, "four reports are fewer than k")
            try await complain(1, region: "039", app)
            let shown = try await total(app)
            XCTAssertEqual(shown, 5, "the fifth report is counted at once")
            try await complain(2, region: "155", app)

            var visitor = BrowserSession(app: app)
            let csv = try await visitor.get("/statistics/reports.csv")
            XCTAssertEqual(csv.headers.contentType?.description.hasPrefix("text/csv"), true)
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            XCTAssertEqual(lines.first, "dimension,value,month,count")
            XCTAssertTrue(lines.contains("region,155,all,"), "two reports from Western Europe are hidden: \(lines)")
            XCTAssertTrue(lines.contains("region,039,all,"), "and so is Southern Europe, or 155 would be the total minus it")
            XCTAssertTrue(lines.contains("all,all,all,7"))

            try await visitor.post("/language", form: ["lang": "fr", "returnTo": "/statistics/reports"])
            let page = try await visitor.get("/statistics/reports")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("Les signalements en chiffres"))
            XCTAssertTrue(page.body.string.contains("masqué"))
            XCTAssertTrue(page.body.string.contains("<svg"), "charts are drawn on the server")
        }
    }

    func testCoordinatorsSeeIntakeQualityAndOthersMayNot() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            try await complain(2, region: "039", app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.get("/report-oversight")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("Evidence at intake"))
            XCTAssertTrue(page.body.string.contains("100%"), "the complaints name nobody and no day, so both lack the minimum")
            for email in [Demo.expert, Demo.publicES, Demo.evaluator, Demo.analyst] {
                var outsider = BrowserSession(app: app)
                try await outsider.login(email)
                let refused = try await outsider.get("/report-oversight")
                XCTAssertEqual(refused.status, .forbidden, email)
            }
        }
    }
}
