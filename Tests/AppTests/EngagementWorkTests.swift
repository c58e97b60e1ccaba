@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// A running engagement: the planned work, the meeting log with action items, messages, documents, the timeline
/// each reader may see, and reminders sent once per cause.
final class EngagementWorkTests: AppTestCase {
    func scratchDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("integrity-work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testMeetingsMessagesDocumentsAndWorkThroughThePages() async throws {
        let data = try scratchDirectory()
        try await withTestApp(adjust: { $0.dataDirectory = data }) { app in
            let match = try await startedMatch(app)
            XCTAssertEqual(match.stage, .active)
            let items = try await WorkItem.query(on: app.db).filter(\.$engagement.$id == match.id!).sort(\.$position).all()
            XCTAssertEqual(items.map(\.kind), [.deliverable, .milestone])
            let work = WorkRoute.show.link(match.id!)
            let base = MatchRoute.show.link(match.id!)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            let matchPage = try await expert.get(base).body.string
            XCTAssertContains(matchPage, work)

            // The meeting log speaks Elena's Spanish when it refuses a meeting still to come.
            let early = try await expert.post(base + "/meetings", form: ["date": "2026-12-01", "attendees": "Pablo, Elena", "agenda": "Datos",
                                                                         "action_description_0": "Compartir el esquema", "action_owner_0": "Elena",
                                                                         "action_due_0": "2026-11-10"])
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertContains(early.body.string, "no puede estar en el futuro")
            let recorded = try await expert.post(base + "/meetings", form: [
                "date": "2026-11-01", "attendees": "Pablo, Elena, Cora", "agenda": "Data model", "decisions": "Use OCDS 1.1",
                "outcomes": "Schema agreed", "action_description_0": "Share the schema", "action_owner_0": "Elena", "action_due_0": "2026-11-10",
            ])
            XCTAssertEqual(recorded.status, .seeOther)
            let told = try await MailMessage.query(on: app.db).filter(\.$recipient == Demo.publicES).all().map(\.body)
            XCTAssertTrue(told.contains { $0.contains("La reunión del 1 nov 2026") }, "the meeting's day as Pablo's Spanish writes it: \(told)")
            let action = try await XCTUnwrapAsync(try await ActionItem.query(on: app.db).first())
            let done = try await expert.post(work + "/actions/\(action.id!.uuidString.lowercased())/done")
            XCTAssertEqual(done.status, .seeOther)
            let again = try await expert.post(work + "/actions/\(action.id!.uuidString.lowercased())/done")
            try await expert.assertRefused(again)

            let empty = try await expert.post(base + "/messages", form: ["body": "  "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let posted = try await expert.post(base + "/messages", form: ["body": "Schema shared in the documents."])
            XCTAssertEqual(posted.status, .seeOther)

            let exe = try await expert.upload(base + "/documents", field: "file", filename: "schema.pdf", bytes: Array("MZ...".utf8),
                                              contentType: "application/pdf")
            XCTAssertEqual(exe.status, .unprocessableEntity)
            let pdf = Array("%PDF-1.7\nschema".utf8)
            let uploaded = try await expert.upload(base + "/documents", field: "file", filename: "schema.pdf", bytes: pdf, contentType: "application/pdf")
            XCTAssertEqual(uploaded.status, .seeOther)
            let document = try await XCTUnwrapAsync(try await EngagementDocument.query(on: app.db).first())
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let downloaded = try await body.get(base + "/documents/\(document.id!.uuidString.lowercased())")
            XCTAssertEqual(Array(downloaded.body.readableBytesView), pdf)
            XCTAssertEqual(downloaded.headers.first(name: "X-Content-Type-Options"), "nosniff")

            let dropped = try await body.post(work + "/items/\(items[1].id!.uuidString.lowercased())", form: ["status": "dropped", "note": ""])
            XCTAssertEqual(dropped.status, .unprocessableEntity)
            let reached = try await body.post(work + "/items/\(items[1].id!.uuidString.lowercased())", form: ["status": "done", "note": ""])
            XCTAssertEqual(reached.status, .seeOther)
            let milestone = try await XCTUnwrapAsync(try await WorkItem.find(items[1].id, on: app.db))
            XCTAssertEqual(milestone.status, .done)

            let page = try await body.get(work).body.string
            XCTAssertContains(page, "Schema shared in the documents.")
            XCTAssertContains(page, "schema.pdf")
            XCTAssertContains(page, "Use OCDS 1.1")

            var evaluator = BrowserSession(app: app)
            try await evaluator.login(Demo.evaluator)
            let reads = try await evaluator.get(work).status
            XCTAssertEqual(reads, .ok)
            let writes = try await evaluator.post(base + "/messages", form: ["body": "Hello"])
            XCTAssertEqual(writes.status, .forbidden)
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let hidden = try await analyst.get(work).status
            XCTAssertEqual(hidden, .notFound)
        }
    }

    func testThePartiesTimelineNeverShowsWhoReportedAConcern() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let reported = try await body.send(.POST, "\(base)/concerns", json: #"{"description": "Pitched a paid tool."}"#)
            XCTAssertEqual(reported.status, .created)
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let seen = try await expert.send(.GET, "\(base)/work").content.decode(APIWorkController.WorkspaceDTO.self)
            XCTAssertTrue(seen.timeline.contains { $0.action == "engagement.start" })
            XCTAssertFalse(seen.timeline.contains { $0.action.hasPrefix("marketing_concern.") })
            let staff = try await coordinator.send(.GET, "\(base)/work").content.decode(APIWorkController.WorkspaceDTO.self)
            XCTAssertTrue(staff.timeline.contains { $0.action == "marketing_concern.report" })
        }
    }

    func testTheAPITracksWorkAndRemindersGoOutOncePerCause() async throws {
        let data = try scratchDirectory()
        try await withTestApp(adjust: { $0.dataDirectory = data }) { app in
            let match = try await startedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let meeting = try await expert.send(.POST, "\(base)/meetings", json: """
                {"date": "2026-11-01", "attendees": "Pablo, Elena", "agenda": "Kick-off",
                 "actions": [{"description": "Send sample data", "owner": "Pablo", "due": "2026-11-05"}]}
                """)
            XCTAssertEqual(meeting.status, .created)
            let badDue = try await expert.send(.POST, "\(base)/meetings", json: """
                {"date": "2026-11-01", "attendees": "Pablo", "agenda": "x", "actions": [{"description": "y", "owner": "z", "due": "2026-10-01"}]}
                """)
            XCTAssertEqual(try badDue.content.decode(APIClient.ErrorBody.self).error.fields?.map(\.field), ["actions[0].due"], "the API names the field as its body does")
            let posted = try await expert.send(.POST, "\(base)/messages", json: #"{"body": "Kick-off done."}"#)
            XCTAssertEqual(posted.status, .created)
            let csv = try await expert.send(.POST, "\(base)/documents?filename=flags.csv", bytes: Array("ocid,flag\nocds-1,R018\n".utf8),
                                            contentType: "text/csv")
            XCTAssertEqual(csv.status, .created)
            let workspace = try await expert.send(.GET, "\(base)/work").content.decode(APIWorkController.WorkspaceDTO.self)
            XCTAssertEqual(workspace.documents.map(\.format), ["csv"])
            let item = try XCTUnwrap(workspace.items.first)
            let updated = try await expert.send(.PUT, "\(base)/work/items/\(item.id.uuidString.lowercased())", json: #"{"status": "in_progress"}"#)
            XCTAssertEqual(try updated.content.decode(APIWorkController.WorkspaceDTO.self).items.first?.status, "in_progress")

            // Twenty quiet days later: the action is overdue and nothing has happened for 14 days.
            clock.advance(by: 20 * 86_400)
            let sent = try await app.registry.reminders.run()
            let keys = try await SentReminder.query(on: app.db).all(\.$key)
            XCTAssertEqual(Set(keys.map { String($0.prefix { $0 != ":" }) }), ["overdue_action", "inactive", "evaluation_due"])
            XCTAssertEqual(sent, keys.count)
            let repeated = try await app.registry.reminders.run()
            XCTAssertEqual(repeated, 0, "each cause is reminded once")
            let overdue = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.reminder_overdue_action").count()
            let quiet = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.reminder_inactive").count()
            XCTAssertGreaterThan(overdue, 0)
            XCTAssertGreaterThan(quiet, overdue, "silence also goes to the coordinators")
        }
    }
}
