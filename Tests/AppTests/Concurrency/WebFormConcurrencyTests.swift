@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// A match taken from proposal to publication through the pages, every form submitted 8 times at once from one
/// rendered page (a double click, several tabs): each step is recorded once, and no click gets a server error.
final class WebFormConcurrencyTests: AppTestCase {
    /// Sends the form 8 times, with the page's one-time token, from copies of one signed-in browser and returns how many audit entries of `action` it added.
    private func eightClicks(_ browser: BrowserSession, _ path: String, form: [String: String] = [:], arrays: [String: [String]] = [:],
                             counting action: String, on app: Application, file: StaticString = #filePath, line: UInt = #line) async throws -> Int {
        let before = try await AuditEntryRecord.query(on: app.db).filter(\.$action == action).count()
        let statuses = try await Concurrently.fire(8) {
            var tab = browser
            return try await tab.post(path, form: form, arrays: arrays, once: true)
        }
        XCTAssertFalse(statuses.contains { $0.code >= 500 }, "\(path): \(statuses.map(\.code))", file: file, line: line)
        XCTAssertTrue(statuses.contains(.seeOther), "\(path): \(statuses.map(\.code))", file: file, line: line)
        return try await AuditEntryRecord.query(on: app.db).filter(\.$action == action).count() - before
    }

    func testEveryStepOfAMatchThroughThePagesIsRecordedOnce() async throws {
        try await withTestApp { app in
            _ = try await matchingProgramme(on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let run = try await runBatch(&coordinator, app: app)
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            var confirmed = try await eightClicks(coordinator, "/matching/proposals/\(proposal.id!.uuidString)/decision", form: ["action": "confirm"],
                                                  counting: "match.confirm", on: app)
            XCTAssertEqual(confirmed, 1)
            let match = try await XCTUnwrapAsync(try await Engagement.query(on: app.db).first())
            let base = MatchRoute.show.link(match.id!)

            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)

            confirmed = try await eightClicks(coordinator, "\(base)/due-diligence/open", counting: "engagement.due_diligence_open", on: app)
            XCTAssertEqual(confirmed, 1)
            for party in [expert, body] {
                let declared = try await eightClicks(party, "\(base)/declaration", form: DueDiligenceTests.declaration(), counting: "conflict.declare", on: app)
                XCTAssertEqual(declared, 1)
            }
            for item in DueDiligenceItem.allCases {
                let checked = try await eightClicks(coordinator, "\(base)/due-diligence/items/\(item.rawValue)",
                                                    form: ["status": "not_applicable", "notes": "Pilot with synthetic data.", "links": ""],
                                                    counting: "due_diligence.checklist", on: app)
                XCTAssertEqual(checked, 1, item.rawValue)
            }
            let decided = try await eightClicks(coordinator, "\(base)/due-diligence/decision", form: ["outcome": "cleared", "text": "Nothing found."],
                                                counting: "due_diligence.decide", on: app)
            XCTAssertEqual(decided, 1)

            var unfinished = TermsOfReferenceTests.form(success: "Better data.")
            unfinished["action"] = "draft"
            let kept = try await eightClicks(body, "\(base)/terms", form: unfinished, counting: "terms.draft_keep", on: app)
            XCTAssertEqual(kept, 1)
            _ = try await body.get("\(base)/terms")  // the page again, with a fresh one-time token
            let saved = try await eightClicks(body, "\(base)/terms", form: TermsOfReferenceTests.form(), counting: "terms.version", on: app)
            XCTAssertEqual(saved, 1)
            for party in [body, expert, coordinator] {
                let signed = try await eightClicks(party, "\(base)/terms/sign", counting: "terms.sign", on: app)
                XCTAssertEqual(signed, 1)
            }
            let started = try await eightClicks(coordinator, "\(base)/start", counting: "engagement.start", on: app)
            XCTAssertEqual(started, 1)
            let closing = try await eightClicks(coordinator, "\(base)/closing", counting: "engagement.begin_closing", on: app)
            XCTAssertEqual(closing, 1)
            let answered = try await eightClicks(body, EvaluationRoute.form.link(match.id!, EvaluationStage.post), form: [
                "knowledge_area_3": "4", "needs_met": "5", "satisfaction": "5", "recommend": "yes", "recommendations": "Empezar con datos sintéticos.",
            ], counting: "evaluation.respond", on: app)
            XCTAssertEqual(answered, 1)
            let closed = try await eightClicks(coordinator, "\(base)/close", form: ["overrideReason": "The expert confirmed the outputs in person."],
                                               counting: "engagement.close", on: app)
            XCTAssertEqual(closed, 1)

            let report = try await eightClicks(body, ReportRoute.show.link(match.id!), form: ["outcome": "Risk list in use", "lessons": "Synthetic data first"],
                                               counting: "report.save", on: app)
            XCTAssertEqual(report, 1)
            for party in [body, expert] {
                let consented = try await eightClicks(party, ReportRoute.consent.link(match.id!), arrays: ["items": ["summary", "lessons"]],
                                                      counting: "publication.consent", on: app)
                XCTAssertEqual(consented, 1)
            }
            let published = try await eightClicks(coordinator, "\(base)/publication", form: [
                "action": "publish", "text_summary": "A court of accounts worked with a data expert.", "text_lessons": "Start with synthetic data.",
                "post": "A court of accounts and a pro bono expert…",
            ], counting: "publication.publish", on: app)
            XCTAssertEqual(published, 1)
        }
    }

    func testADoubleClickedCreateMakesOneRowAndTheSecondClickLandsOnTheSamePage() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            try await expert.get(WorkRoute.show.link(match.id!))
            let posted = try await eightClicks(expert, WorkRoute.post.link(match.id!), form: ["body": "Schema shared in the documents."],
                                               counting: "message.post", on: app)
            XCTAssertEqual(posted, 1)
            let messages = try await EngagementMessage.query(on: app.db).count()
            XCTAssertEqual(messages, 1)

            // Sent again one after the other, the second gets the first one's redirect; a new page gives a new token.
            var tab = expert
            try await tab.get(WorkRoute.show.link(match.id!))
            var again = tab
            let first = try await tab.post(WorkRoute.post.link(match.id!), form: ["body": "Kick-off done."], once: true)
            let second = try await again.post(WorkRoute.post.link(match.id!), form: ["body": "Kick-off done."], once: true)
            XCTAssertEqual(second.headers.first(name: .location), first.headers.first(name: .location))
            XCTAssertEqual(second.headers.first(name: "Idempotent-Replayed"), "true")
            try await tab.get(WorkRoute.show.link(match.id!))
            let fresh = try await tab.post(WorkRoute.post.link(match.id!), form: ["body": "Kick-off done."], once: true)
            XCTAssertNil(fresh.headers.first(name: "Idempotent-Replayed"), "the same text from a new page is a new message")
            let total = try await EngagementMessage.query(on: app.db).count()
            XCTAssertEqual(total, 3)
        }
    }
}
