@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Each item waiting for someone is announced once, in the app and by mail, when it appears; coordinators hear
/// when a party acts on something they wait for.
final class NotificationTests: AppTestCase {
    private func told(_ email: String, _ kind: String, on app: Application) async throws -> (notifications: Int, mails: Int) {
        let person = try await user(email, on: app)
        let notifications = try await UserNotification.query(on: app.db).filter(\.$user.$id == person.requireID())
            .filter(\.$messageKey == "notification.\(kind)").count()
        // Mails keep no kind: each is known by its subject, up to the first argument, in the person's language.
        let subject = app.catalogs.text("mail.\(kind).subject", person.preferredLanguage ?? .fallback).prefix { $0 != "{" }
        let mails = try await MailMessage.query(on: app.db).filter(\.$recipient == email).all().filter { $0.subject.hasPrefix(subject) }.count
        return (notifications, mails)
    }

    func testANeedLeftToACoordinatorIsAnnouncedToCoordinatorsOnce() async throws {
        try await withTestApp { app in
            let client = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let created = try await client.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real")))
            XCTAssertEqual(created.status, .created)
            let id = try created.content.decode(NeedDTO.self).id
            let nothingYet = try await told(Demo.coordinator, "need_to_screen", on: app)
            XCTAssertEqual(nothingYet.notifications, 0, "a draft waits for nobody")
            let statuses = try await Concurrently.fire(8) { try await client.send(.POST, "/api/v1/needs/\(id.uuidString.lowercased())/submit") }
            XCTAssertOneWinner(statuses)
            let announced = try await told(Demo.coordinator, "need_to_screen", on: app)
            XCTAssertEqual(announced.notifications, 1)
            XCTAssertEqual(announced.mails, 1)
            let member = try await told(Demo.publicES, "need_to_screen", on: app)
            XCTAssertEqual(member.notifications, 0, "the body waits; coordinators act")
        }
    }

    func testCoordinatorsHearOfEachDeclarationOnceAndNotOfARefiling() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let filed = try await told(Demo.coordinator, "declaration_filed", on: app)
            XCTAssertEqual(filed.notifications, 2, "one per side")
            XCTAssertEqual(filed.mails, 2)
            let answers = ConflictQuestion.allCases.map { "\"\($0.rawValue)\": {\"declared\": false}" }.joined(separator: ", ")
            let party = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            _ = try await party.send(.PUT, "/api/v1/matches/\(match.id!.uuidString.lowercased())/declaration",
                                     json: "{\"answers\": {\(answers)}, \"attested\": true}")
            let again = try await told(Demo.coordinator, "declaration_filed", on: app)
            XCTAssertEqual(again.notifications, 2, "the same declaration again changes nothing and tells nobody")
        }
    }

    func testClosingAsksForTheReportWhichThenAsksForConsentWhichCoordinatorsHearOf() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let api = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            _ = try await coordinator.send(.POST, "\(api)/closing")
            for email in [Demo.publicES, DueDiligenceTests.elenaEmail] {
                let asked = try await told(email, "report_requested", on: app)
                XCTAssertEqual(asked.notifications, 1, email)
                XCTAssertEqual(asked.mails, 1, email)
            }

            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            let statuses = try await Concurrently.fire(8) {
                try await expert.send(.PUT, "\(api)/report", json: #"{"outcome": "A risk list in use.", "lessons": "Start small."}"#)
            }
            XCTAssertEqual(statuses.filter { $0 == .ok }.count, 8, "the same text saved again is accepted and records nothing")
            _ = try await expert.send(.PUT, "\(api)/report", json: #"{"outcome": "A risk list in use every month.", "lessons": "Start small."}"#)
            let body = try await told(Demo.publicES, "consent_requested", on: app)
            XCTAssertEqual(body.notifications, 1, "asked once, when the report is first written; an edit does not ask again")
            let writer = try await told(DueDiligenceTests.elenaEmail, "consent_requested", on: app)
            XCTAssertEqual(writer.notifications, 0, "the writer knows")

            _ = try await expert.send(.PUT, "\(api)/report/consent", json: #"{"items": ["lessons"]}"#)
            let heard = try await told(Demo.coordinator, "consent_given", on: app)
            XCTAssertEqual(heard.notifications, 1)
            XCTAssertEqual(heard.mails, 1)
        }
    }
}
