@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Sign-in, single-use tokens, account decisions and programme settings under simultaneous requests.
final class AccountConcurrencyTests: AppTestCase {
    private let passphrase = "a long enough passphrase 2026"

    func testSimultaneousWrongPasswordsLockTheAccount() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            try await visitor.get("/login")
            let statuses = try await Concurrently.fire(16) { [visitor] in
                var tab = visitor
                return try await tab.post("/login", form: ["email": Demo.publicES, "password": "wrong guess"])
            }
            XCTAssertTrue(statuses.allSatisfy { [.unauthorized, .tooManyRequests].contains($0) }, "\(statuses.map(\.code))")
            let key = SecretToken.digest(of: Demo.publicES)
            let failure = try await XCTUnwrapAsync(try await LoginFailure.find(key, on: app.db))
            XCTAssertEqual(failure.failures, statuses.filter { $0 == .unauthorized }.count, "every checked failure counts")
            XCTAssertNotNil(failure.lockedUntil, "five failures lock the account, however they arrive")
            let locks = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "session.lockout").count()
            XCTAssertEqual(locks, failure.failures - 4)
            let right = try await visitor.post("/login", form: ["email": Demo.publicES, "password": Demo.password])
            XCTAssertEqual(right.status, .tooManyRequests, "the right password waits for the lock too")
        }
    }

    func testOneResetTokenSetsOnePassword() async throws {
        try await withTestApp { app in
            let pablo = try await user(Demo.publicES, on: app)
            let secret = SecretToken()
            try await PasswordReset(id: UUID(), userID: pablo.id!, tokenDigest: secret.digest, now: app.clock.now()).create(on: app.db)
            var visitor = BrowserSession(app: app)
            try await visitor.get("/login")
            let passwords = (0..<8).map { "\(self.passphrase) number \($0)" }
            let statuses = try await Concurrently.fire(passwords.map { password in
                { [visitor] in
                    var tab = visitor
                    return try await tab.post("/password/reset", form: ["token": secret.plaintext, "password": password, "passwordConfirmation": password])
                }
            })
            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1, "\(statuses.map(\.code))")
            XCTAssertEqual(statuses.filter { $0 == .badRequest }.count, 7, "the others find the link used")
            let resets = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "user.password_reset").count()
            XCTAssertEqual(resets, 1)
            let winner = passwords[statuses.firstIndex(of: .seeOther)!]
            let hash = try await user(Demo.publicES, on: app).passwordHash
            XCTAssertTrue(try app.password.verify(winner, created: hash), "the password set is the winner's")
        }
    }

    func testOneInvitationOpensOneAccount() async throws {
        try await withTestApp { app in
            let coordinator = try await user(Demo.coordinator, on: app)
            let secret = SecretToken()
            try await Invitation(id: UUID(), email: EmailAddress("new.analyst@example.org")!, role: .analyst, organisationID: nil, language: .fr,
                                 tokenDigest: secret.digest, invitedBy: coordinator.id!, now: app.clock.now()).create(on: app.db)
            var visitor = BrowserSession(app: app)
            try await visitor.get("/login")
            let statuses = try await Concurrently.fire(8) { [visitor, passphrase] in
                var tab = visitor
                return try await tab.post("/invitations/accept", form: [
                    "token": secret.plaintext, "displayName": "Ana Nueva", "password": passphrase, "passwordConfirmation": passphrase])
            }
            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1, "\(statuses.map(\.code))")
            XCTAssertFalse(statuses.contains { $0.code >= 500 }, "\(statuses.map(\.code))")
            let accounts = try await User.query(on: app.db).filter(\.$email == "new.analyst@example.org").count()
            XCTAssertEqual(accounts, 1)
            let accepted = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "invitation.accept").count()
            XCTAssertEqual(accepted, 1)
        }
    }

    func testApprovingAndRejectingOneRegistrationDecidesItOnce() async throws {
        try await withTestApp { app in
            let pending = try await user(Demo.pending, on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let path = "/people/\(pending.id!.uuidString)"
            let before = try await Effects.count(on: app.db)
            _ = try await Concurrently.fire((0..<8).map { index in
                { [coordinator] in
                    var tab = coordinator
                    return index.isMultiple(of: 2) ? try await tab.post(path + "/approve", form: [:])
                        : try await tab.post(path + "/reject", form: ["reason": "Not an expert in this field."])
                }
            })
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual((added.audit["user.approve"] ?? 0) + (added.audit["user.reject"] ?? 0), 1, "\(added.audit)")
            XCTAssertEqual(added.mails, 1, "the person hears one decision")
            let status = try await user(Demo.pending, on: app).status
            XCTAssertEqual(status, added.audit["user.approve"] == 1 ? .active : .disabled)
        }
    }

    func testAddingOneQuestionEightTimesAddsItOnce() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.get(ProgrammeSettingsRoute.questionnaires.link())
            let statuses = try await Concurrently.fire(8) { [coordinator] in
                var tab = coordinator
                return try await tab.post(ProgrammeSettingsRoute.questionnaires.link(), form: [
                    "stage": "post", "kind": "text", "audience": "both", "prompt_en": "What would you change?",
                    "prompt_fr": "Que changeriez-vous ?", "prompt_es": "¿Qué cambiaría?"])
            }
            XCTAssertTrue(statuses.allSatisfy { $0 == .seeOther }, "losers are sent back with a flash: \(statuses.map(\.code))")
            let extras = try await QuestionnaireExtras.query(on: app.db).filter(\.$stage == .post).first()
            XCTAssertEqual(extras?.questions.count, 1)
            let edits = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "questionnaire.edit").count()
            XCTAssertEqual(edits, 1)
        }
    }
}
