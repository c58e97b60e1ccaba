@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// `Idempotency-Key` on API POSTs: a retry replays the first response and acts once.
final class IdempotencyTests: AppTestCase {
    private func key(_ value: String) -> HTTPHeaders { ["Idempotency-Key": value] }

    func testARetryWithTheSameKeyReplaysTheFirstResponse() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let body = json(completeNeed())
            let first = try await member.send(.POST, "/api/v1/needs", json: body, headers: key("need-1"))
            XCTAssertEqual(first.status, .created)
            let retry = try await member.send(.POST, "/api/v1/needs", json: body, headers: key("need-1"))
            XCTAssertEqual(retry.status, .created)
            XCTAssertEqual(retry.headers.first(name: "Idempotent-Replayed"), "true")
            XCTAssertEqual(retry.body.string, first.body.string, "the same need, not a second one")
            let needs = try await Need.query(on: app.db).filter(\.$title == "Red flags on our tenders").count()
            XCTAssertEqual(needs, 1)

            let other = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real")), headers: key("need-1"))
            XCTAssertEqual(other.status, .unprocessableEntity)
            XCTAssertEqual(try other.content.decode(APIClient.ErrorBody.self).error.code, "idempotency_key_reused")

            // Another person may use the same key for their own request.
            let french = try await APIClient.forUser(try await user(Demo.publicFR, on: app), app: app)
            let theirs = try await french.send(.POST, "/api/v1/organisations", json: #"{"kind":"public_body","name":"Agence test","country":"FR","workingLanguages":["fr"]}"#,
                                               headers: key("need-1"))
            XCTAssertNotEqual(theirs.headers.first(name: "Idempotent-Replayed"), "true")

            // After 24 hours the key is forgotten and the request runs again.
            clock.advance(by: IdempotencyRecord.lifetime + 1)
            let later = try await member.send(.POST, "/api/v1/needs", json: body, headers: key("need-1"))
            XCTAssertEqual(later.status, .created)
            XCTAssertNil(later.headers.first(name: "Idempotent-Replayed"))
        }
    }

    func testEightSimultaneousRetriesActOnce() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let body = json(completeNeed())
            let statuses = try await Concurrently.fire(8) { try await member.send(.POST, "/api/v1/needs", json: body, headers: ["Idempotency-Key": "burst"]) }
            XCTAssertEqual(statuses.filter { $0 == .created }.count + statuses.filter { $0 == .conflict }.count, 8, "\(statuses.map(\.code))")
            XCTAssertTrue(statuses.contains(.created))
            let needs = try await Need.query(on: app.db).count()
            let before = try await Need.query(on: app.db).filter(\.$title != "Red flags on our tenders").count()
            XCTAssertEqual(needs - before, 1, "one need, however many retries")
        }
    }

    func testAFailedRequestKeepsNoKey() async throws {
        try await withTestApp { app in
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let invalid = #"{"kind":"public_body","name":"","country":"Narnia","workingLanguages":["xx"]}"#
            let bad = try await coordinator.send(.POST, "/api/v1/organisations", json: invalid, headers: key("fix-and-retry"))
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let again = try await coordinator.send(.POST, "/api/v1/organisations", json: invalid, headers: key("fix-and-retry"))
            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertNil(again.headers.first(name: "Idempotent-Replayed"), "a refused request is checked again, not replayed")
            let valid = #"{"kind":"public_body","name":"Fictional Ethics Commission","country":"GH","publicBodyType":"anti_corruption_agency","jurisdiction":"national","mandate":"Promotes integrity.","workingLanguages":["en"]}"#
            let fixed = try await coordinator.send(.POST, "/api/v1/organisations", json: valid, headers: key("fix-and-retry"))
            XCTAssertEqual(fixed.status, .created, "the key is free for the corrected request")
            let tooLong = try await coordinator.send(.POST, "/api/v1/organisations", json: valid, headers: key(String(repeating: "k", count: 201)))
            XCTAssertEqual(tooLong.status, .badRequest)
        }
    }
}
