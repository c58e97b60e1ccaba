@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// A person chooses the zone they read times in, on their account page or through the API; pages then show times in
/// it and say which, names that are no zone are refused in the person's language, and only the person sets their own.
final class TimeZoneTests: AppTestCase {
    func testACoordinatorReadsTheAuditLogInTheirOwnZone() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let before = try await coordinator.get("/audit").body.string
            XCTAssertContains(before, " UTC")
            _ = try await coordinator.get(AccountRoute.show.link())
            let saved = try await coordinator.post(AccountRoute.timeZone.link(), form: ["timeZone": "America/Bogota"])
            XCTAssertEqual(saved.status, .seeOther)
            let account = try await coordinator.get(AccountRoute.show.link()).body.string
            XCTAssertContains(account, #"<option value="America/Bogota" selected>"#)
            let after = try await coordinator.get("/audit").body.string
            XCTAssertContains(after, "(America/Bogota)")
            let stored = try await user(Demo.coordinator, on: app).timeZoneIdentifier
            XCTAssertEqual(stored, "America/Bogota")
        }
    }

    func testANameThatIsNoZoneIsRefusedInThePersonsLanguage() async throws {
        try await withTestApp { app in
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            _ = try await body.get(AccountRoute.show.link())
            let refused = try await body.post(AccountRoute.timeZone.link(), form: ["timeZone": "Mars/Olympus"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, #"id="timeZone-error""#)
            XCTAssertContains(refused.body.string, "Su zona horaria")
            let client = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let api = try await client.send(.PUT, APIAccountRoute.timeZone.link(), json: #"{"timeZone": "Europe/Atlantis"}"#)
            XCTAssertEqual(api.status, .unprocessableEntity)
            let stored = try await user(Demo.publicES, on: app).timeZoneIdentifier
            XCTAssertEqual(stored, "Europe/Madrid", "the demo's zone stays: nothing is kept from a refused name")
        }
    }

    func testTheAPISetsTheZoneOnlyForTheTokenHolder() async throws {
        try await withTestApp { app in
            let client = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let set = try await client.send(.PUT, APIAccountRoute.timeZone.link(), json: #"{"timeZone": "Asia/Jakarta"}"#)
            XCTAssertEqual(set.status, .ok)
            XCTAssertEqual(try set.content.decode(AccountDTO.self).timeZone, "Asia/Jakarta")
            let others = try await User.query(on: app.db).filter(\.$timeZoneIdentifier == "Asia/Jakarta").count()
            XCTAssertEqual(others, 1, "the token holder's own account, no one else's")
            let anonymous = try await APIClient.anonymous(app).send(.PUT, APIAccountRoute.timeZone.link(), json: #"{"timeZone": "Asia/Jakarta"}"#)
            XCTAssertEqual(anonymous.status, .unauthorized)
            var visitor = BrowserSession(app: app)
            let signedOut = try await visitor.post(AccountRoute.timeZone.link(), form: ["timeZone": "Asia/Jakarta"])
            XCTAssertNotEqual(signedOut.headers.first(name: .location), AccountRoute.show.link(), "\(signedOut.status)")
            let stillOne = try await User.query(on: app.db).filter(\.$timeZoneIdentifier == "Asia/Jakarta").count()
            XCTAssertEqual(stillOne, 1)
        }
    }

    func testTheSameZoneSentEightTimesAtOnceIsRecordedOnce() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            _ = try await expert.get(AccountRoute.show.link())
            let page = expert
            let onPage = try await eightTimes("user.time_zone", on: app) {
                var tab = page
                return try await tab.post(AccountRoute.timeZone.link(), form: ["timeZone": "Asia/Manila"], once: true)
            }
            XCTAssertEqual(onPage, 1)
            let client = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let throughAPI = try await eightTimes("user.time_zone", on: app) {
                try await client.send(.PUT, APIAccountRoute.timeZone.link(), json: #"{"timeZone": "Africa/Nairobi"}"#)
            }
            XCTAssertEqual(throughAPI, 1)
        }
    }
}
