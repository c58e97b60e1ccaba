@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The running engagement's workspace (meetings, actions, work items, documents, messages, concerns), each step sent
/// 8 times at once through the pages and the API: recorded once, and no server error.
final class EngagementWorkConcurrencyTests: AppTestCase {
    func testTheWorkspacePagesRecordEachStepOnce() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ix-work-\(UUID().uuidString)").path
        try await withTestApp(adjust: { $0.dataDirectory = data }) { app in
            let match = try await startedMatch(app)
            let base = MatchRoute.show.link(match.id!), work = WorkRoute.show.link(match.id!)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            try await expert.get(base)
            let page = expert
            let meeting = ["date": "2026-11-01", "attendees": "Pablo, Elena", "agenda": "Data model", "decisions": "Use OCDS 1.1",
                           "outcomes": "Schema agreed", "action_description_0": "Share the schema", "action_owner_0": "Elena",
                           "action_due_0": "2026-11-10"]
            let meetings = try await eightTimes("meeting.record", on: app) { var tab = page; return try await tab.post(base + "/meetings", form: meeting, once: true) }
            XCTAssertEqual(meetings, 1)

            let action = try await XCTUnwrapAsync(try await ActionItem.query(on: app.db).first())
            let done = try await eightTimes("action_item.complete", on: app) {
                var tab = page
                return try await tab.post(work + "/actions/\(action.id!.uuidString.lowercased())/done")
            }
            XCTAssertEqual(done, 1, "eight clicks without a one-time token: decided on the stored action")

            let item = try await XCTUnwrapAsync(try await WorkItem.query(on: app.db).filter(\.$engagement.$id == match.id!).sort(\.$position).first())
            let updated = try await eightTimes("work_item.update", on: app) {
                var tab = page
                return try await tab.post(work + "/items/\(item.id!.uuidString.lowercased())", form: ["status": "in_progress", "note": ""], once: true)
            }
            XCTAssertEqual(updated, 1)

            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            try await body.get(base)
            let bodyPage = body
            let concerns = try await eightTimes("marketing_concern.report", on: app) {
                var tab = bodyPage
                return try await tab.post(base + "/concerns", form: ["description": "Pitched a paid tool."], once: true)
            }
            XCTAssertEqual(concerns, 1)
        }
    }

    func testTheWorkspaceAPIRecordsEachStepOnce() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ix-work-\(UUID().uuidString)").path
        try await withTestApp(adjust: { $0.dataDirectory = data }) { app in
            let match = try await startedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            @Sendable func key(_ name: String) -> HTTPHeaders { ["Idempotency-Key": "\(name)-\(match.id!.uuidString)"] }
            let meeting = """
                {"date": "2026-11-01", "attendees": "Pablo, Elena", "agenda": "Kick-off",
                 "actions": [{"description": "Send sample data", "owner": "Pablo", "due": "2026-11-05"}]}
                """
            let meetings = try await eightTimes("meeting.record", on: app) {
                try await expert.send(.POST, "\(base)/meetings", json: meeting, headers: key("meeting"))
            }
            XCTAssertEqual(meetings, 1)
            let messages = try await eightTimes("message.post", on: app) {
                try await expert.send(.POST, "\(base)/messages", json: #"{"body": "Kick-off done."}"#, headers: key("message"))
            }
            XCTAssertEqual(messages, 1)
            let documents = try await eightTimes("document.upload", on: app) {
                try await expert.send(.POST, "\(base)/documents?filename=flags.csv", bytes: Array("ocid,flag\nocds-1,R018\n".utf8),
                                      contentType: "text/csv", headers: key("document"))
            }
            XCTAssertEqual(documents, 1)
            let action = try await XCTUnwrapAsync(try await ActionItem.query(on: app.db).first())
            let done = try await eightTimes("action_item.complete", on: app) {
                try await expert.send(.POST, "\(base)/work/actions/\(action.id!.uuidString.lowercased())/done")
            }
            XCTAssertEqual(done, 1, "no key: decided on the stored action")

            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let concerns = try await eightTimes("marketing_concern.report", on: app) {
                try await body.send(.POST, "\(base)/concerns", json: #"{"description": "Pitched a paid tool."}"#, headers: key("concern"))
            }
            XCTAssertEqual(concerns, 1)
        }
    }
}
