@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Self-registration, approval, invitations and password reset, as people meet them.
final class AccountLifecycleTests: AppTestCase {
    let strongPassword = "long enough passphrase"

    func registrationForm(email: String, role: String = "expert") -> [String: String] {
        ["displayName": "Noa Nouvelle", "email": email, "role": role, "organisationName": "Entreprise Exemple",
         "password": strongPassword, "passwordConfirmation": strongPassword]
    }

    /// The message of one kind sent to one person, in the language it was rendered in.
    func mail(to recipient: String, kind: String, _ language: SupportedLanguage = .en, on app: Application) async throws -> MailMessage {
        let subject = app.catalogs.text("mail.\(kind).subject", language)
        return try await XCTUnwrapAsync(try await MailMessage.query(on: app.db).filter(\.$recipient == recipient)
            .filter(\.$subject == subject).sort(\.$createdAt, .descending).first(), "no '\(kind)' mail in \(language)")
    }

    func XCTUnwrapAsync<T>(_ value: T?, _ message: String, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
        try XCTUnwrap(value, message, file: file, line: line)
    }

    /// Pulls the path and query of the first platform link out of a mail body.
    func link(in body: String) throws -> String {
        let range = try XCTUnwrap(body.range(of: #"http://127\.0\.0\.1:8080(/[^\s]+)"#, options: .regularExpression))
        return String(body[range].dropFirst("http://127.0.0.1:8080".count))
    }

    func testRegistrationIsPendingUntilACoordinatorApprovesIt() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            try await visitor.post("/language", form: ["lang": "fr", "returnTo": "/register"])
            let done = try await visitor.post("/register", form: registrationForm(email: "noa@example.org"))
            XCTAssertEqual(done.status, .ok)
            XCTAssertContains(done.body.string, "Inscription reçue")
            let received = try await mail(to: "noa@example.org", kind: "registration_received", .fr, on: app)
            XCTAssertEqual(received.subject, "Nous avons reçu votre inscription", "mail is in the registrant's language")

            let pending = try await user("noa@example.org", on: app)
            XCTAssertEqual(pending.status, .pending)
            let refused = try await visitor.post("/login", form: ["email": "noa@example.org", "password": strongPassword])
            XCTAssertEqual(refused.status, .unauthorized)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let people = try await coordinator.get("/people")
            XCTAssertContains(people.body.string, "Noa Nouvelle")
            let approved = try await coordinator.post("/people/\(pending.id!.uuidString)/approve",
                                                      form: ["organisationID": Demo.britishCompany.uuidString])
            XCTAssertEqual(approved.status, .seeOther)
            let welcome = try await mail(to: "noa@example.org", kind: "registration_approved", .fr, on: app)
            XCTAssertContains(welcome.body, "Bonjour Noa Nouvelle")

            var noa = BrowserSession(app: app)
            try await noa.login("noa@example.org", password: strongPassword)
            let actions = try await AuditEntryRecord.query(on: app.db).filter(\.$subjectID == pending.id!.uuidString.lowercased()).all().map(\.action)
            XCTAssertEqual(actions, ["user.register", "user.approve", "session.login"])
        }
    }

    func testRegistrationWithErrorsIsShownAgainWithFieldMessagesAndSavesNothing() async throws {
        try await withTestApp { app in
            let before = try await User.query(on: app.db).count()
            var visitor = BrowserSession(app: app)
            var form = registrationForm(email: "not-an-address", role: "administrator")
            form["passwordConfirmation"] = "something else entirely"
            let page = try await visitor.post("/register", form: form)
            XCTAssertEqual(page.status, .unprocessableEntity)
            let html = page.body.string
            XCTAssertContains(html, app.catalogs.text("error.invalidEmail", .en))
            XCTAssertContains(html, app.catalogs.text("error.invalidChoice", .en))
            XCTAssertContains(html, app.catalogs.text("error.passwordsDiffer", .en))
            XCTAssertContains(html, #"id="email" name="email" type="email" autocomplete="email" value="not-an-address""#)
            XCTAssertContains(html, #"aria-invalid="true" aria-describedby="email-error""#)
            let after = try await User.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testRegisteringAnExistingAddressRevealsNothingAndWarnsTheOwner() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            let page = try await visitor.post("/register", form: registrationForm(email: Demo.expert))
            XCTAssertEqual(page.status, .ok, "the answer must match a fresh registration")
            let notice = try await mail(to: Demo.expert, kind: "registration_duplicate", on: app)
            XCTAssertContains(notice.body, "/password/forgot")
            let experts = try await User.query(on: app.db).filter(\.$email == Demo.expert).count()
            XCTAssertEqual(experts, 1)
        }
    }

    func testRejectionNeedsAReasonWhichIsAuditedAndSent() async throws {
        try await withTestApp { app in
            let pending = try await user(Demo.pending, on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let noReason = try await coordinator.post("/people/\(pending.id!.uuidString)/reject", form: ["reason": "  "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let stillPending = try await User.find(pending.id, on: app.db)
            XCTAssertEqual(stillPending?.status, .pending)

            let rejected = try await coordinator.post("/people/\(pending.id!.uuidString)/reject", form: ["reason": "Not an eligible employer"])
            XCTAssertEqual(rejected.status, .seeOther)
            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "user.reject").first())
            XCTAssertEqual(entry.reason, "Not an eligible employer")
            let rejection = try await mail(to: Demo.pending, kind: "registration_rejected", on: app)
            XCTAssertContains(rejection.body, "Not an eligible employer")
        }
    }

    func testInvitationLinkOpensAnAccountOnceAndExpires() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let sent = try await coordinator.post("/invitations", form: ["email": "new.evaluator@example.org", "role": "evaluator", "language": "es"])
            XCTAssertEqual(sent.status, .seeOther)
            let invitation = try await mail(to: "new.evaluator@example.org", kind: "invitation", .es, on: app)
            XCTAssertContains(invitation.body, "Evaluador/a")
            let path = try link(in: invitation.body)

            var invitee = BrowserSession(app: app)
            let form = try await invitee.get(path)
            XCTAssertEqual(form.status, .ok)
            let token = String(path.split(separator: "=").last!)
            let short = try await invitee.post("/invitations/accept", form: ["token": token, "displayName": "Eva", "password": "short", "passwordConfirmation": "short"])
            XCTAssertEqual(short.status, .unprocessableEntity)
            let accepted = try await invitee.post("/invitations/accept", form: [
                "token": token, "displayName": "Eva Nueva", "password": strongPassword, "passwordConfirmation": strongPassword])
            XCTAssertEqual(accepted.status, .seeOther)
            let created = try await user("new.evaluator@example.org", on: app)
            XCTAssertEqual(created.role, .evaluator)
            XCTAssertEqual(created.preferredLanguage, .es)

            var again = BrowserSession(app: app)
            let reused = try await again.get(path)
            XCTAssertEqual(reused.status, .badRequest, "an invitation works once")

            try await coordinator.post("/invitations", form: ["email": "late@example.org", "role": "analyst", "language": "en"])
            let latePath = try link(in: try await mail(to: "late@example.org", kind: "invitation", on: app).body)
            self.clock.advance(by: TokenLifetime.invitation + 1)
            let expired = try await again.get(latePath)
            XCTAssertEqual(expired.status, .badRequest)
        }
    }

    func testInvitationFormRejectsBadInputWithFieldErrors() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.post("/invitations", form: [
                "email": Demo.expert, "role": "public_participant", "organisationID": Demo.britishCompany.uuidString, "language": "en"])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertContains(page.body.string, app.catalogs.text("error.emailTaken", .en))
            XCTAssertContains(page.body.string, app.catalogs.text("error.organisationKindMismatch", .en))
            let invitations = try await Invitation.query(on: app.db).count()
            XCTAssertEqual(invitations, 0)
        }
    }

    func testPasswordResetWorksOnceAndExpires() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            let unknown = try await visitor.post("/password/forgot", form: ["email": "nobody@example.org"])
            let known = try await visitor.post("/password/forgot", form: ["email": Demo.publicES])
            XCTAssertEqual(unknown.status, .ok)
            XCTAssertEqual(BrowserSession.withoutOneTimeToken(known.body.string), BrowserSession.withoutOneTimeToken(unknown.body.string),
                           "the answer is the same whether or not the address has an account")
            let reset = try await mail(to: Demo.publicES, kind: "password_reset", .es, on: app)
            let path = try link(in: reset.body)
            let token = String(path.split(separator: "=").last!)

            let resetForm = try await visitor.get(path)
            XCTAssertEqual(resetForm.status, .ok)
            let mismatch = try await visitor.post("/password/reset", form: ["token": token, "password": strongPassword, "passwordConfirmation": "other"])
            XCTAssertEqual(mismatch.status, .unprocessableEntity)
            let done = try await visitor.post("/password/reset", form: ["token": token, "password": strongPassword, "passwordConfirmation": strongPassword])
            XCTAssertEqual(done.status, .seeOther)
            var pablo = BrowserSession(app: app)
            try await pablo.login(Demo.publicES, password: strongPassword)
            let reused = try await visitor.post("/password/reset", form: ["token": token, "password": "another long passphrase", "passwordConfirmation": "another long passphrase"])
            XCTAssertEqual(reused.status, .badRequest)

            try await MailMessage.query(on: app.db).delete()
            try await visitor.post("/password/forgot", form: ["email": Demo.publicES])
            let laterPath = try link(in: try await mail(to: Demo.publicES, kind: "password_reset", .es, on: app).body)
            self.clock.advance(by: TokenLifetime.passwordReset + 1)
            let expired = try await visitor.get(laterPath)
            XCTAssertEqual(expired.status, .badRequest)
        }
    }

    func testCommandLineAccountCreationValidatesItsInput() async throws {
        try await withTestApp { app in
            let id = try await Platform.createUser(app, email: "ops@example.org", displayName: "Ops", role: "administrator",
                                                   organisationID: nil, password: strongPassword)
            let created = try await User.find(id, on: app.db)
            XCTAssertEqual(created?.status, .active)
            do {
                _ = try await Platform.createUser(app, email: "bad", displayName: "X", role: "king", organisationID: nil, password: "short")
                XCTFail("invalid input must be refused")
            } catch let error as Platform.CommandError {
                XCTAssertContains(error.description, "email:")
                XCTAssertContains(error.description, "role:")
                XCTAssertContains(error.description, "password:")
            }
        }
    }
}
