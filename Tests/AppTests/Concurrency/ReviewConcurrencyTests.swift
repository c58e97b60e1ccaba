@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The last pages of the suite: a waiver's second approval, a concern's decision, a document and the programme's
/// success evidence, each sent 8 times at once: one effect, recorded once, no server error.
final class ReviewConcurrencyTests: AppTestCase {
    func testAWaiverIsApprovedOnceByTheSecondCoordinator() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&coordinator, app: app)
            let base = MatchRoute.show.link(match.id!)
            try await coordinator.post("\(base)/due-diligence/open")
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            try await expert.post("\(base)/declaration", form: DueDiligenceTests.declaration())
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            try await body.post("\(base)/declaration", form: DueDiligenceTests.declaration())
            try await completeChecklist(&coordinator, base, concernAt: .references)
            let requested = try await coordinator.post("\(base)/due-diligence/decision", form: [
                "outcome": "mitigated", "text": "The relation is distant.", "mitigation": "The expert stays out of supplier questions."])
            XCTAssertEqual(requested.status, .seeOther)

            var administrator = BrowserSession(app: app)
            try await administrator.login(Demo.administrator)
            try await administrator.get(base)
            let second = administrator
            let approved = try await eightTimes("due_diligence.decide", on: app) {
                var tab = second
                return try await tab.post("\(base)/due-diligence/waiver", form: ["answer": "approve"])
            }
            XCTAssertEqual(approved, 1, "without a one-time token: the stored waiver decides")
            let engagement = try await Engagement.find(match.id, on: app.db)
            XCTAssertEqual(engagement?.dueDiligence, .mitigated)
        }
    }

    func testAConcernIsDecidedOnceAndADocumentAndEvidenceAreKeptOnce() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ix-review-\(UUID().uuidString)").path
        try await withTestApp(adjust: { $0.dataDirectory = data }) { app in
            let match = try await startedMatch(app)
            let base = MatchRoute.show.link(match.id!)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            try await body.post(base + "/concerns", form: ["description": "Pitched a paid tool."])
            let concern = try await XCTUnwrapAsync(try await MarketingConcern.query(on: app.db).first())
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.get(base)
            let staff = coordinator
            let decided = try await eightTimes("marketing_concern.decide", on: app) {
                var tab = staff
                return try await tab.post(base + "/concerns/\(concern.id!.uuidString.lowercased())/decision",
                                          form: ["outcome": "dismissed", "text": "A misunderstanding."])
            }
            XCTAssertEqual(decided, 1, "without a one-time token: the stored concern decides")

            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            try await expert.get(base)
            let page = expert
            let pdf = Array("%PDF-1.7\nschema".utf8)
            let uploaded = try await eightTimes("document.upload", on: app) {
                var tab = page
                return try await tab.upload(base + "/documents", fields: ["_once": page.once ?? ""], field: "file", filename: "schema.pdf",
                                            bytes: pdf, contentType: "application/pdf")
            }
            XCTAssertEqual(uploaded, 1)

            try await coordinator.get(ProgrammeSettingsRoute.indicators.link())
            let programme = coordinator
            let evidence = try await eightTimes("indicator.evidence", on: app) {
                var tab = programme
                return try await tab.post(ProgrammeSettingsRoute.indicators.link(), form: [
                    "indicator": "upskilling", "statement": "Twelve analysts of the court now run the risk pipeline.",
                    "links": "https://example.org/training",
                ], once: true)
            }
            XCTAssertEqual(evidence, 1)
        }
    }
}
