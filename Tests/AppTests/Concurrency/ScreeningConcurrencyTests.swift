@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Screening, coordinators' decisions, skills, concerns, work and publication under simultaneous requests: one
/// effect each, whatever the number of clicks.
final class ScreeningConcurrencyTests: AppTestCase {
    private func api(_ email: String, _ app: Application) async throws -> APIClient {
        try await APIClient.forUser(try await user(email, on: app), app: app)
    }

    private func assertAudited(_ action: String, _ expected: Int, _ message: String = "", on app: Application,
                               file: StaticString = #filePath, line: UInt = #line) async throws {
        let count = try await AuditEntryRecord.query(on: app.db).filter(\.$action == action).count()
        XCTAssertEqual(count, expected, message, file: file, line: line)
    }

    func testNeedsProfilesAndBodiesAreScreenedAndDecidedOnce() async throws {
        try await withTestApp { app in
            let member = try await api(Demo.publicES, app)
            let coordinator = try await api(Demo.coordinator, app)
            let need = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real"))).content.decode(NeedDTO.self).id
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await member.send(.POST, "/api/v1/needs/\(need.uuidString)/submit") })
            try await assertAudited("need.submit", 1, on: app)
            let decision = #"{"decision":"eligible","reason":"Real data stays on the body's premises."}"#
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await coordinator.send(.POST, "/api/v1/needs/\(need.uuidString)/decision", json: decision) })
            try await assertAudited("need.decide", 1, on: app)

            let profile = try await storedProfile("Sam Screened", status: .screened, on: app)
            XCTAssertOneWinner(try await Concurrently.fire(8) {
                try await coordinator.send(.POST, "/api/v1/experts/\(profile.id!.uuidString)/decision", json: decision)
            })
            try await assertAudited("expert.decide", 1, on: app)

            let french = try await api(Demo.publicFR, app)
            let path = "/api/v1/organisations/\(Demo.frenchAgency.uuidString)/participation"
            let attestations = #"{"proBono":true,"workHours":true,"publicCommunication":true}"#
            let submissions = try await Concurrently.fire(8) { try await french.send(.PUT, path, json: attestations) }
            XCTAssertEqual(Set(submissions), [.ok], "the same answers give the same result")
            try await assertAudited("organisation.participation_submit", 1, "and are screened once", on: app)
            XCTAssertOneWinner(try await Concurrently.fire(8) {
                try await coordinator.send(.POST, path + "/decision", json: #"{"decision":"eligible","reason":"Mandate confirmed by decree."}"#)
            })
            try await assertAudited("organisation.participation_decide", 1, on: app)
        }
    }

    func testOneSkillAddedByEightClicks() async throws {
        try await withTestApp { app in
            let administrator = try await api(Demo.administrator, app)
            let body = #"{"group":"analysis","labels":{"en":"Record linkage","fr":"Appariement","es":"Vinculación"}}"#
            let statuses = try await Concurrently.fire(8) { try await administrator.send(.POST, "/api/v1/skills", json: body) }
            XCTAssertEqual(statuses.filter { $0 == .created }.count, 1, "\(statuses.map(\.code))")
            XCTAssertEqual(statuses.filter { $0 == .unprocessableEntity }.count, 7, "the others find the name taken")
            let edits = try await SkillEdit.query(on: app.db).count()
            XCTAssertEqual(edits, 1)
        }
    }

    func testOneConcernDecidedOnceAndOneWorkUpdateRecordedOnce() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let body = try await api(Demo.publicES, app)
            let coordinator = try await api(Demo.coordinator, app)
            let filed = try await body.send(.POST, "\(base)/concerns", json: #"{"description": "The expert sent prices for a paid dashboard."}"#)
            let concern = try filed.content.decode(APIMarketingConcernController.ReceiptDTO.self)
            XCTAssertOneWinner(try await Concurrently.fire(8) {
                try await coordinator.send(.POST, "\(base)/concerns/\(concern.id.uuidString.lowercased())/decision",
                                           json: #"{"outcome": "dismissed", "text": "A misunderstanding."}"#)
            })
            try await assertAudited("marketing_concern.decide", 1, on: app)

            let item = try await XCTUnwrapAsync(try await WorkItem.query(on: app.db).filter(\.$kind == .deliverable).first())
            let statuses = try await Concurrently.fire(8) {
                try await body.send(.PUT, "\(base)/work/items/\(item.id!.uuidString.lowercased())", json: #"{"status": "in_progress"}"#)
            }
            XCTAssertEqual(Set(statuses), [.ok], "setting the same status again is not an error")
            try await assertAudited("work_item.update", 1, "but it is recorded once", on: app)
        }
    }

    func testReportConsentAndPublicationRecordedOnceAndWithdrawalWinsOverPublishing() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await api(Demo.coordinator, app)
            _ = try await coordinator.send(.POST, "\(base)/closing")
            _ = try await coordinator.send(.POST, "\(base)/close", json: #"{"overrideReason": "Both sides confirmed the outputs."}"#)
            let body = try await api(Demo.publicES, app)
            let expert = try await api("experta@demo.integrity.invalid", app)

            let report = #"{"outcome": "Risk list in use", "lessons": "Synthetic data first"}"#
            let saves = try await Concurrently.fire(8) { try await body.send(.PUT, "\(base)/report", json: report) }
            XCTAssertEqual(Set(saves), [.ok])
            try await assertAudited("report.save", 1, on: app)
            for party in [body, expert] {
                let consents = try await Concurrently.fire(8) { try await party.send(.PUT, "\(base)/report/consent", json: #"{"items": ["lessons"]}"#) }
                XCTAssertEqual(Set(consents), [.ok])
            }
            try await assertAudited("publication.consent", 2, "once per side", on: app)

            let statuses = try await Concurrently.fire([
                { try await coordinator.send(.PUT, "\(base)/publication", json: #"{"texts": {"lessons": "Synthetic data first."}}"#) },
                { try await expert.send(.PUT, "\(base)/report/consent", json: #"{"items": []}"#) },
            ])
            XCTAssertEqual(statuses[1], .ok)
            let published = try await Publication.query(on: app.db).first()
            // Publish then withdraw: the withdrawal takes it down. Withdraw then publish: publishing is refused.
            XCTAssertNil(published, "nothing stays published without both sides' consent (\(statuses.map(\.code)))")
            XCTAssertTrue([.ok, .unprocessableEntity].contains(statuses[0]), "\(statuses.map(\.code))")
        }
    }
}
