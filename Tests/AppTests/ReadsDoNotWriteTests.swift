@testable import App
import Fluent
import XCTVapor
import XCTest

/// Reading a page or the API does not write to the database on every request: the session's sliding expiry and a
/// token's "last used" are written at most once a minute.
final class ReadsDoNotWriteTests: AppTestCase {
    func testTheSessionExpiryIsRewrittenAtMostOnceAMinute() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.coordinator)
            let id = try XCTUnwrap(browser.cookie)
            let first = try await XCTUnwrapAsync(try await StoredSession.find(id, on: app.db)).expiresAt
            clock.advance(by: 30)
            try await browser.get("/needs")
            let unchanged = try await StoredSession.find(id, on: app.db)?.expiresAt
            XCTAssertEqual(unchanged, first, "30 seconds later the row is not rewritten")
            clock.advance(by: 40)
            try await browser.get("/needs")
            let moved = try await StoredSession.find(id, on: app.db)?.expiresAt
            XCTAssertEqual(moved, app.clock.now().addingTimeInterval(ExpiringSessionDriver.lifetime), "a minute later it slides")
        }
    }

    func testATokensLastUseIsWrittenAtMostOnceAMinute() async throws {
        try await withTestApp { app in
            let user = try await user(Demo.analyst, on: app)
            let api = try await APIClient.forUser(user, app: app)
            func lastUsed() async throws -> Date? { try await APIToken.query(on: app.db).filter(\.$user.$id == user.id!).first()?.lastUsedAt }
            _ = try await api.send(.GET, "/api/v1/me")
            let first = try await lastUsed()
            XCTAssertEqual(first, app.clock.now())
            clock.advance(by: 30)
            _ = try await api.send(.GET, "/api/v1/me")
            let unchanged = try await lastUsed()
            XCTAssertEqual(unchanged, first)
            clock.advance(by: 40)
            _ = try await api.send(.GET, "/api/v1/me")
            let moved = try await lastUsed()
            XCTAssertEqual(moved, app.clock.now())
        }
    }
}
