import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Everything that creates, admits or signs in an account. Web, API and CLI all come through here.
struct AccountService: Sendable {
    let db: Database
    let audit: AuditLogService
    let hasher: AsyncPasswordHasher
    let clock: WallClock
    let mailer: Mailer
    let notifier: Notifier
    var throttle = LoginThrottle()

    // MARK: - Creating accounts

    struct NewAccount: Sendable {
        var email: String
        var displayName: String
        var role: String
        var organisationID: UUID?
        var password: String
        var passwordConfirmation: String
        var language: SupportedLanguage?
    }

    /// An active account created by an operator (CLI), or by accepting an invitation, which is spent in the same transaction.
    func createActiveUser(_ input: NewAccount, actor: AuditActor, spending invitation: Invitation? = nil) async throws -> User {
        let (email, name, role) = try await validateNewAccount(input)
        let hash = try await hasher.hash(input.password)
        return try await audit.transaction(on: db, actor: actor) { scope in
            if let invitation {
                // Spent here, on the stored row: of two acceptances, the second finds it used.
                guard try await Invitation.find(invitation.id, on: scope.db)?.state(now: clock.now()) == .usable else {
                    throw AppError.badRequest(code: "token_unusable")
                }
            }
            try await Self.requireUnused(email, on: scope.db)
            let user = User(id: UUID(), email: email, displayName: name, passwordHash: hash, role: role,
                            organisationID: input.organisationID, status: .active, preferredLanguage: input.language,
                            now: clock.now())
            try await user.create(on: scope.db)
            if let invitation {
                invitation.acceptedAt = clock.now()
                try await invitation.save(on: scope.db)
                try await scope.record(.invitationAccept, .invitation(invitation.requireID()))
                try await notifier.notify(invitation.invitedBy, "notification.invitation_accepted", arguments: [name],
                                          link: PeopleRoute.list.link(), on: scope.db)
            }
            try await scope.record(.userCreate, .user(user.requireID()), changes: ["role": role.rawValue, "status": "active"])
            return user
        }
    }

    private func validateNewAccount(_ input: NewAccount, allowedRoles: [Role] = Role.allCases) async throws -> (EmailAddress, String, Role) {
        var v = ExchangeCore.Validator()
        let email = v.email("email", input.email)
        let name = v.text("displayName", input.displayName, maxLength: 120)
        let role = v.choice("role", input.role, as: Role.self)
        if let role, !allowedRoles.contains(role) { v.add("role", .invalidChoice) }
        v.newPassword(input.password, confirmation: input.passwordConfirmation)
        if let email, try await User.query(on: db).filter(\.$email == email.value).first() != nil {
            v.add("email", .emailTaken)
        }
        guard v.isValid, let email, let role else { throw AppError.validation(v.errors) }
        return (email, name, role)
    }

    /// The address checked again where the account is written, so two simultaneous sign-ups make one account.
    private static func requireUnused(_ email: EmailAddress, on db: Database) async throws {
        if try await User.query(on: db).filter(\.$email == email.value).first() != nil {
            throw AppError.validation([FieldError("email", .emailTaken)])
        }
    }

    // MARK: - Self-registration

    struct Registration: Sendable {
        var email: String
        var displayName: String
        var role: String
        var organisationName: String
        var password: String
        var passwordConfirmation: String
    }

    /// Creates a pending account for a coordinator to approve. An address already in use gets a notice
    /// by mail instead, so the form never reveals who has an account.
    func register(_ input: Registration, language: SupportedLanguage) async throws {
        let account = NewAccount(email: input.email, displayName: input.displayName, role: input.role,
                                 password: input.password, passwordConfirmation: input.passwordConfirmation, language: language)
        do {
            var v = ExchangeCore.Validator()
            let organisation = v.text("organisationName", input.organisationName, maxLength: 200)
            let (email, name, role) = try await validateNewAccount(account, allowedRoles: Role.selfRegistrable)
            guard v.isValid else { throw AppError.validation(v.errors) }
            try await createPending(email: email, name: name, role: role, organisation: organisation, password: input.password, language: language)
        } catch AppError.validation(let errors) where errors == [FieldError("email", .emailTaken)] {
            try await audit.transaction(on: db, actor: .anonymous) { scope in
                guard let existing = try await User.query(on: scope.db).filter(\.$email == input.email.trimmingWhitespace().lowercased()).first()
                else { return }
                try await mailer.enqueue(to: existing.email, language: existing.preferredLanguage ?? language,
                                         kind: "registration_duplicate", arguments: [mailer.link(PasswordResetRoute.forgotForm.link())], on: scope.db)
                try await scope.record(.userRegister, .user(existing.requireID()), reason: "address already registered")
            }
        }
    }

    private func createPending(email: EmailAddress, name: String, role: Role, organisation: String, password: String,
                               language: SupportedLanguage) async throws {
        let hash = try await hasher.hash(password)
        try await audit.transaction(on: db, actor: .anonymous) { scope in
            try await Self.requireUnused(email, on: scope.db)
            let user = User(id: UUID(), email: email, displayName: name, passwordHash: hash, role: role,
                            organisationID: nil, status: .pending, preferredLanguage: language, now: clock.now())
            user.requestedOrganisation = organisation
            try await user.create(on: scope.db)
            try await scope.record(.userRegister, .user(user.requireID()), changes: ["role": role.rawValue, "status": "pending"])
            try await mailer.enqueue(to: email.value, language: language, kind: "registration_received", arguments: [name], on: scope.db)
            for coordinator in try await User.query(on: scope.db).filter(\.$role == .coordinator).filter(\.$status == .active).all() {
                try await notifier.notify(coordinator.requireID(), "notification.registration_pending", link: PeopleRoute.list.link(), on: scope.db)
            }
        }
    }

    /// A coordinator admits a pending account, placing it in an organisation.
    func approve(userID: UUID, organisationID: UUID?, by actor: User) async throws {
        guard let user = try await User.find(userID, on: db), user.status == .pending else { throw AppError.notFound }
        if let organisationID {
            guard let organisation = try await Organisation.find(organisationID, on: db) else {
                throw AppError.validation([FieldError("organisationID", .invalidChoice)])
            }
            if let kind = user.role.organisationKind, organisation.kind != kind {
                throw AppError.validation([FieldError("organisationID", .organisationKindMismatch)])
            }
        } else if user.role == .publicParticipant {
            throw AppError.validation([FieldError("organisationID", .required)])
        }
        try await audit.transaction(on: db, actor: .user(actor.requireID())) { scope in
            try await Self.requirePending(userID, on: scope.db)
            user.status = .active
            user.$organisation.id = organisationID
            user.updatedAt = clock.now()
            try await user.save(on: scope.db)
            try await scope.record(.userApprove, .user(userID), changes: ["status": "active", "organisation": organisationID?.uuidString ?? ""])
            let language = user.preferredLanguage ?? .fallback
            try await mailer.enqueue(to: user.email, language: language, kind: "registration_approved",
                                     arguments: [user.displayName, mailer.link(SessionRoute.form.link())], on: scope.db)
            try await notifier.notify(userID, "notification.welcome", link: HomeRoute.home.link(), on: scope.db)
        }
    }

    /// A coordinator declines a pending account; the reason is recorded and sent to the person.
    func reject(userID: UUID, reason: String, by actor: User) async throws {
        var v = ExchangeCore.Validator()
        let reason = v.text("reason", reason, maxLength: 1000)
        guard v.isValid else { throw AppError.validation(v.errors) }
        guard let user = try await User.find(userID, on: db), user.status == .pending else { throw AppError.notFound }
        try await audit.transaction(on: db, actor: .user(actor.requireID())) { scope in
            try await Self.requirePending(userID, on: scope.db)
            user.status = .disabled
            user.updatedAt = clock.now()
            try await user.save(on: scope.db)
            try await scope.record(.userReject, .user(userID), reason: reason, changes: ["status": "disabled"])
            try await mailer.enqueue(to: user.email, language: user.preferredLanguage ?? .fallback, kind: "registration_rejected",
                                     arguments: [user.displayName, reason], on: scope.db)
        }
    }

    /// Approving and declining one account race: the second finds it decided.
    private static func requirePending(_ userID: UUID, on db: Database) async throws {
        guard try await User.find(userID, on: db)?.status == .pending else { throw AppError.conflict(code: "account_decided") }
    }

    // MARK: - Signing in

    enum LoginOutcome: Equatable {
        case signedIn(UUID)
        case invalid
        case locked
    }

    /// Checks a password, with backoff after repeated failures. Unknown addresses take as long as known ones.
    func login(email rawEmail: String, password: String) async throws -> LoginOutcome {
        let key = SecretToken.digest(of: rawEmail.trimmingWhitespace().lowercased())
        let now = clock.now()
        if let until = try await LoginFailure.lockedUntil(key, on: db), until > now { return .locked }
        let user = try await EmailAddress(rawEmail).asyncFlatMap { try await User.query(on: db).filter(\.$email == $0.value).first() }
        let matches: Bool
        if let hash = user?.passwordHash {
            matches = try await hasher.verify(password, created: hash)
        } else {
            _ = try await hasher.hash(password)  // the same cost as a verification, so timing reveals nothing
            matches = false
        }
        guard let user, matches, user.status == .active else {
            try await recordFailure(key: key, user: user, now: now)
            return .invalid
        }
        struct LockedMeanwhile: Error {}
        do {
            try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
                // Failures that arrived while the password was being checked may have locked the account.
                if let until = try await LoginFailure.lockedUntil(key, on: scope.db), until > now { throw LockedMeanwhile() }
                try await LoginFailure.query(on: scope.db).filter(\.$id == key).delete()
                try await scope.record(.sessionLogin, .user(user.requireID()))
            }
        } catch is LockedMeanwhile {
            return .locked
        }
        return .signedIn(try user.requireID())
    }

    private func recordFailure(key: String, user: User?, now: Date) async throws {
        let failures = try await LoginFailure.count(key, at: now, on: db)
        guard let lock = throttle.lockDuration(afterFailures: failures) else { return }
        let until = now.addingTimeInterval(lock)
        guard let userID = user?.id else { return try await LoginFailure.lock(key, until: until, on: db) }
        try await audit.transaction(on: db, actor: .anonymous) { scope in
            try await LoginFailure.lock(key, until: until, on: scope.db)
            try await scope.record(.accountLocked, .user(userID), changes: ["failures": "\(failures)", "seconds": "\(Int(lock))"])
        }
    }

    // MARK: - Password reset

    /// Sends a reset link if the address belongs to an active account; the answer is the same either way.
    func requestPasswordReset(email rawEmail: String, language: SupportedLanguage) async throws {
        guard let email = EmailAddress(rawEmail),
              let user = try await User.query(on: db).filter(\.$email == email.value).filter(\.$status == .active).first()
        else { return }
        let secret = SecretToken()
        try await audit.transaction(on: db, actor: .anonymous) { scope in
            try await PasswordReset(id: UUID(), userID: user.requireID(), tokenDigest: secret.digest, now: clock.now()).create(on: scope.db)
            try await scope.record(.passwordResetRequest, .user(user.requireID()))
            try await mailer.enqueue(to: user.email, language: user.preferredLanguage ?? language, kind: "password_reset",
                                     arguments: [user.displayName, mailer.link("\(PasswordResetRoute.resetForm.link())?token=\(secret.plaintext)")],
                                     on: scope.db)
        }
    }

    func usableReset(token: String) async throws -> PasswordReset? {
        guard let reset = try await PasswordReset.query(on: db).filter(\.$tokenDigest == SecretToken.digest(of: token)).first(),
              reset.state(now: clock.now()) == .usable else { return nil }
        return reset
    }

    func resetPassword(token: String, password: String, confirmation: String) async throws {
        guard let reset = try await usableReset(token: token) else { throw AppError.badRequest(code: "token_unusable") }
        var v = ExchangeCore.Validator()
        v.newPassword(password, confirmation: confirmation)
        guard v.isValid else { throw AppError.validation(v.errors) }
        let hash = try await hasher.hash(password)
        let userID = reset.$user.id
        try await audit.transaction(on: db, actor: .user(userID)) { scope in
            // Spent here, on the stored row: of two requests with one token, the second finds it used.
            guard try await PasswordReset.find(reset.id, on: scope.db)?.state(now: clock.now()) == .usable else {
                throw AppError.badRequest(code: "token_unusable")
            }
            guard let user = try await User.find(userID, on: scope.db) else { throw AppError.notFound }
            user.passwordHash = hash
            user.updatedAt = clock.now()
            try await user.save(on: scope.db)
            try await PasswordReset.query(on: scope.db).filter(\.$user.$id == userID).filter(\.$usedAt == nil)
                .set(\.$usedAt, to: clock.now()).update()
            try await LoginFailure.query(on: scope.db).filter(\.$id == SecretToken.digest(of: user.email)).delete()
            try await scope.record(.passwordReset, .user(userID))
        }
    }

    // MARK: - Preferences

    func setLanguage(_ language: SupportedLanguage, for user: User) async throws {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            // An update of two columns, not a save: the signed-in user was read for this request only.
            try await User.query(on: scope.db).filter(\.$id == user.requireID())
                .set(\.$preferredLanguage, to: language).set(\.$updatedAt, to: clock.now()).update()
            user.preferredLanguage = language
            try await scope.record(.userLanguage, .user(user.requireID()), changes: ["preferredLanguage": language.rawValue])
        }
    }
}

extension AccountService {
    /// Sets the zone the person reads times in, named as the IANA database names it; any other name is refused
    /// (`timeZone`, invalid choice) and the zone they have already changes nothing.
    func setTimeZone(named name: String?, for user: User) async throws {
        guard let zone = Self.timeZone(named: name) else { throw AppError.validation([FieldError("timeZone", .invalidChoice)]) }
        try await setTimeZone(zone, for: user)
    }

    private func setTimeZone(_ zone: TimeZone, for user: User) async throws {
        _ = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            let same = try await User.query(on: scope.db).filter(\.$id == user.requireID()).filter(\.$timeZoneIdentifier == zone.identifier).count()
            guard same == 0 else { throw AuditLogService.NothingToChange() }
            try await User.query(on: scope.db).filter(\.$id == user.requireID())
                .set(\.$timeZoneIdentifier, to: zone.identifier).set(\.$updatedAt, to: clock.now()).update()
            try await scope.record(.userTimeZone, .user(user.requireID()), changes: ["timeZone": zone.identifier])
        }
        user.timeZoneIdentifier = zone.identifier
    }

    /// A zone named as the IANA database names it ("America/Bogota"); nil for any other text.
    private static func timeZone(named name: String?) -> TimeZone? {
        guard let name = name?.trimmingWhitespace(), TimeZone.knownTimeZoneIdentifiers.contains(name) else { return nil }
        return TimeZone(identifier: name)
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
