@testable import App
import ExchangeCore
import Fluent
import SQLKit
import XCTVapor
import XCTest

final class AuthenticationTests: AppTestCase {
    func testEveryDemoRoleSignsInAndSeesItsDashboardInAllThreeLanguages() async throws {
        try await withTestApp { app in
            let headings = ["en": "Welcome,", "fr": "Bienvenue,", "es": "Le damos la bienvenida,"]
            for role in Role.allCases {
                var browser = BrowserSession(app: app)
                try await browser.login(Demo.email(for: role))
                for (language, heading) in headings.sorted(by: { $0.key < $1.key }) {
                    try await browser.post("/language", form: ["lang": language, "returnTo": "/"])
                    let page = try await browser.get("/")
                    XCTAssertEqual(page.status, .ok)
                    XCTAssertTrue(page.body.string.contains(heading), "\(role) in \(language)")
                    XCTAssertContains(page.body.string, "<html lang=\"\(language)\">")
                    XCTAssertContains(page.body.string, app.catalogs.text("role.\(role.rawValue)", SupportedLanguage(rawValue: language)!))
                }
            }
        }
    }

    /// The signed-in user is read as plain columns; every field must equal what Fluent reads, and only an active
    /// account signs in.
    func testTheSignedInUserReadsEveryColumnAsFluentDoes() async throws {
        try await withTestApp { app in
            let found = try await User.query(on: app.db).filter(\.$email == Demo.publicFR).first()
            let stored = try XCTUnwrap(found)
            stored.preferredLanguage = .fr
            stored.requestedOrganisation = "Cour des comptes"
            try await stored.save(on: app.db)
            let fluent = try await User.find(stored.id, on: app.db)
            let plain = try await User.activeAccount(stored.id!, on: app.db.sql)
            let expected = try XCTUnwrap(fluent)
            let read = try XCTUnwrap(plain)
            XCTAssertEqual(read.id, expected.id)
            XCTAssertEqual(read.email, expected.email)
            XCTAssertEqual(read.displayName, expected.displayName)
            XCTAssertEqual(read.passwordHash, expected.passwordHash)
            XCTAssertEqual(read.role, expected.role)
            XCTAssertEqual(read.$organisation.id, expected.$organisation.id)
            XCTAssertNotNil(read.$organisation.id)
            XCTAssertEqual(read.status, expected.status)
            XCTAssertEqual(read.preferredLanguage, .fr)
            XCTAssertEqual(read.requestedOrganisation, "Cour des comptes")
            XCTAssertEqual(read.createdAt, expected.createdAt)
            XCTAssertEqual(read.updatedAt, expected.updatedAt)
            XCTAssertTrue(read.$id.exists)

            let pendingRow = try await User.query(on: app.db).filter(\.$email == Demo.pending).first()
            let pending = try XCTUnwrap(pendingRow)
            let notSignedIn = try await User.activeAccount(pending.id!, on: app.db.sql)
            XCTAssertNil(notSignedIn, "a pending account must not sign in")
        }
    }

    func testWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            let wrongPassword = try await browser.post("/login", form: ["email": Demo.coordinator, "password": "not the password"])
            let unknownUser = try await browser.post("/login", form: ["email": "nobody@example.org", "password": "not the password"])
            XCTAssertEqual(wrongPassword.status, .unauthorized)
            XCTAssertEqual(unknownUser.status, .unauthorized)
            XCTAssertContains(wrongPassword.body.string, app.catalogs.text("login.invalid", .en).replacingOccurrences(of: "'", with: "&#39;"))
        }
    }

    func testRepeatedFailuresLockTheAccountThenTheLockExpires() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            for _ in 0..<5 {
                try await browser.post("/login", form: ["email": Demo.expert, "password": "wrong password!"])
            }
            let locked = try await browser.post("/login", form: ["email": Demo.expert, "password": Demo.password])
            XCTAssertEqual(locked.status, .tooManyRequests, "the right password must not open a locked account")
            let lockEntries = try await AuditEntryRecord.query(on: app.db).filter(\.$action == AuditAction.accountLocked.rawValue).count()
            XCTAssertEqual(lockEntries, 1)

            self.clock.advance(by: 61)
            let afterwards = try await browser.post("/login", form: ["email": Demo.expert, "password": Demo.password])
            XCTAssertEqual(afterwards.status, .seeOther)
        }
    }

    func testPendingAccountCannotSignIn() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            let response = try await browser.post("/login", form: ["email": Demo.pending, "password": Demo.password])
            XCTAssertEqual(response.status, .unauthorized)
        }
    }

    func testLoginRotatesTheSessionAndLogoutEndsIt() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            try await browser.get("/login")
            let anonymousSession = browser.cookie
            try await browser.login(Demo.coordinator)
            XCTAssertNotNil(browser.cookie)
            XCTAssertNotEqual(browser.cookie, anonymousSession, "a session fixed before login must not survive it")

            let logout = try await browser.post("/logout")
            XCTAssertEqual(logout.status, .seeOther)
            let after = try await browser.get("/people")
            XCTAssertEqual(after.status, .seeOther)
            XCTAssertEqual(after.headers.first(name: .location), "/login?next=/people")
        }
    }

    func testSessionCookieIsHttpOnlyAndSameSiteLax() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            let page = try await browser.get("/login")
            let header = try XCTUnwrap(page.headers.first(name: .setCookie))
            XCTAssertContains(header, "HttpOnly")
            XCTAssertContains(header, "SameSite=Lax")
            XCTAssertFalse(header.contains("Secure"), "plain-HTTP deployments cannot use Secure cookies")
        }
    }

    func testSessionCookieIsSecureBehindTLS() async throws {
        try await withTestApp(seed: false, adjust: { $0.baseURL = "https://exchange.example.org" }) { app in
            var browser = BrowserSession(app: app)
            let page = try await browser.get("/login")
            XCTAssertContains(try XCTUnwrap(page.headers.first(name: .setCookie)), "Secure")
        }
    }

    func testPostsWithoutOrWithAWrongCSRFTokenAreRefused() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            try await browser.get("/login")
            let missing = try await browser.post("/login", form: ["email": Demo.coordinator, "password": Demo.password], csrf: false)
            XCTAssertEqual(missing.status, .forbidden)
            let forged = try await browser.post("/login", form: ["email": Demo.coordinator, "password": Demo.password, "_csrf": "forged"], csrf: false)
            XCTAssertEqual(forged.status, .forbidden)

            try await browser.login(Demo.coordinator)
            let organisationsBefore = try await Organisation.query(on: app.db).count()
            let noToken = try await browser.post("/organisations", form: ["kind": "company", "name": "Sneaky Ltd", "country": "GB", "sector": "technology"], csrf: false)
            XCTAssertEqual(noToken.status, .forbidden)
            let organisationsAfter = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(organisationsAfter, organisationsBefore, "a refused POST must change nothing")
        }
    }

    func testNextParameterCannotRedirectOffSite() {
        XCTAssertEqual(LanguageController.safeReturn("https://evil.example"), "/")
        XCTAssertEqual(LanguageController.safeReturn("//evil.example"), "/")
        XCTAssertEqual(LanguageController.safeReturn("/\\evil"), "/")
        XCTAssertEqual(LanguageController.safeReturn("/organisations"), "/organisations")
    }
}

final class SessionStoreTests: AppTestCase {
    func testSessionsExpireWithTheirCookieAndAreSweptAway() async throws {
        try await withTestApp { app in
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.analyst)
            let fresh = try await browser.get("/account")
            XCTAssertEqual(fresh.status, .ok)

            self.clock.advance(by: ExpiringSessionDriver.lifetime + 1)
            let expired = try await browser.get("/account")
            XCTAssertEqual(expired.status, .seeOther, "an expired session no longer signs anyone in")

            var newcomer = BrowserSession(app: app)
            try await newcomer.get("/login")
            let remaining = try await StoredSession.query(on: app.db).filter(\.$expiresAt < app.clock.now()).count()
            XCTAssertEqual(remaining, 0, "starting a session sweeps expired ones")
        }
    }
}
