@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The everyday forms (language, tokens, needs, skills, settings, invitations, notifications, registration, sign-out),
/// each sent 8 times at once from one rendered page: one effect, recorded once, and no server error. Notifications are
/// also marked by 8 requests without the page's one-time token, which only the transaction's own re-read can guard.
final class EverydayFormConcurrencyTests: AppTestCase {
    /// Sends the form 8 times with one one-time token and returns how many audit entries of `action` it added.
    private func eightClicks(_ browser: BrowserSession, _ path: String, form: [String: String] = [:], arrays: [String: [String]] = [:],
                             once: Bool = true, counting action: String, on app: Application,
                             file: StaticString = #filePath, line: UInt = #line) async throws -> Int {
        try await eightTimes(action, on: app, file: file, line: line) {
            var tab = browser
            return try await tab.post(path, form: form, arrays: arrays, once: once)
        }
    }

    func testAPersonsOwnFormsTakeEffectOnce() async throws {
        try await withTestApp { app in
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let language = try await eightClicks(analyst, "/language", form: ["lang": "fr", "returnTo": "/"], counting: "user.language", on: app)
            XCTAssertEqual(language, 1)

            let created = try await eightClicks(analyst, "/account/tokens", form: ["name": "Nightly export"], counting: "api_token.create", on: app)
            XCTAssertEqual(created, 1)
            let tokens = try await APIToken.query(on: app.db).filter(\.$name == "Nightly export").all()
            XCTAssertEqual(tokens.count, 1)
            let revoked = try await eightClicks(analyst, "/account/tokens/\(tokens[0].id!.uuidString)/revoke", counting: "api_token.revoke", on: app)
            XCTAssertEqual(revoked, 1)

            let analystID = try await user(Demo.analyst, on: app).id!
            for index in 0..<3 { try await Notifier(clock: app.clock).notify(analystID, "notification.welcome", link: "/?\(index)", on: app.db) }
            let first = try await XCTUnwrapAsync(try await UserNotification.query(on: app.db).filter(\.$user.$id == analystID)
                .filter(\.$readAt == nil).first())
            let readOne = try await eightClicks(analyst, "/notifications/\(first.id!.uuidString)/read", once: false, counting: "notification.read", on: app)
            XCTAssertEqual(readOne, 1, "eight clicks on one notification, without a one-time token")
            let unread = try await UserNotification.query(on: app.db).filter(\.$user.$id == analystID).filter(\.$readAt == nil).count()
            let readAll = try await eightClicks(analyst, "/notifications/read-all", once: false, counting: "notification.read", on: app)
            XCTAssertEqual(readAll, unread, "each notification recorded once, however many tabs mark them all")

            let signedOut = try await eightClicks(analyst, "/logout", counting: "session.logout", on: app)
            XCTAssertEqual(signedOut, 1)
        }
    }

    func testANeedIsCreatedSavedAndSubmittedOnce() async throws {
        try await withTestApp { app in
            var member = BrowserSession(app: app)
            try await member.login(Demo.publicFR)
            var fields = ["title": "Tableau de bord des signalements", "problemStatement": "Nous ne savons pas visualiser nos données.",
                          "whyPrivateSector": "Le privé le fait tous les jours.", "preferredStart": "2027-03-01", "durationMonths": "4",
                          "expectedOutputs": "Un tableau de bord.", "dataAccess": "synthetic"]
            for (area, score) in allRatings { fields["readiness_\(area)"] = String(score) }
            let arrays = ["supportAreas": ["4"], "requiredSkills": ["dashboards"], "languages": ["fr"]]
            let before = try await Need.query(on: app.db).count()
            let created = try await eightClicks(member, "/needs", form: fields, arrays: arrays, counting: "need.create", on: app)
            XCTAssertEqual(created, 1)
            let after = try await Need.query(on: app.db).count()
            XCTAssertEqual(after, before + 1)
            let need = try await XCTUnwrapAsync(try await Need.query(on: app.db).filter(\.$title == "Tableau de bord des signalements").first())
            fields["durationMonths"] = "5"
            let saved = try await eightClicks(member, "/needs/\(need.id!.uuidString)", form: fields, arrays: arrays, counting: "need.update", on: app)
            XCTAssertEqual(saved, 1)
            let submitted = try await eightClicks(member, "/needs/\(need.id!.uuidString)/submit", counting: "need.submit", on: app)
            XCTAssertEqual(submitted, 1)
        }
    }

    func testProgrammeStaffFormsTakeEffectOnce() async throws {
        try await withTestApp { app in
            var admin = BrowserSession(app: app)
            try await admin.login(Demo.administrator)
            let skill = ["group": "analysis", "labelEN": "Record linkage", "labelFR": "Appariement d'enregistrements",
                         "labelES": "Vinculación de registros", "synonyms": "entity resolution"]
            let added = try await eightClicks(admin, "/skills", form: skill, counting: "skill.add", on: app)
            XCTAssertEqual(added, 1)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            var settings = Dictionary(uniqueKeysWithValues: MatchCriterion.allCases.map { ("weights[\($0.rawValue)]", "1") })
            (settings["weights[skills]"], settings["penalty"], settings["alternates"]) = ("3", "0.5", "3")
            settings["reason"] = "Skills matter most this year."
            let tuned = try await eightClicks(coordinator, "/matching/settings", form: settings, counting: "matching.settings_update", on: app)
            XCTAssertEqual(tuned, 1)
            let invited = try await eightClicks(coordinator, "/invitations", form: ["email": "new.evaluator@example.org", "role": "evaluator", "language": "es"],
                                                counting: "invitation.create", on: app)
            XCTAssertEqual(invited, 1)
            let organisation = try await eightClicks(coordinator, "/organisations",
                                                     form: ["kind": "company", "name": "Datos Abiertos SL", "country": "ES", "sector": "technology"],
                                                     counting: "organisation.create", on: app)
            XCTAssertEqual(organisation, 1)
        }
    }

    func testASignedOutVisitorsFormsTakeEffectOnce() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            try await visitor.get("/register")
            let password = "correct horse battery staple 2026"
            let registered = try await eightClicks(visitor, "/register", form: [
                "displayName": "Noa Nouvelle", "email": "noa@example.org", "role": "expert", "organisationName": "Entreprise Exemple",
                "password": password, "passwordConfirmation": password,
            ], counting: "user.register", on: app)
            XCTAssertEqual(registered, 1)
            let accounts = try await User.query(on: app.db).filter(\.$email == "noa@example.org").count()
            XCTAssertEqual(accounts, 1)
            let asked = try await eightClicks(visitor, "/password/forgot", form: ["email": Demo.publicES], counting: "user.password_reset_request", on: app)
            XCTAssertEqual(asked, 1)
        }
    }
}
