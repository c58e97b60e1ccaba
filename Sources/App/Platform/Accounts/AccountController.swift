import ExchangeCore
import Fluent
import Vapor

/// The signed-in person's own account: language preference and personal API tokens.
struct AccountController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(AccountRoute.show, use: show)
        routes.on(AccountRoute.timeZone, use: setTimeZone)
        routes.on(AccountRoute.tokens, use: tokens)
        routes.on(AccountRoute.createToken, use: createToken)
        routes.on(AccountRoute.revokeToken, use: revokeToken)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await req.page(try await accountPage(req, form: FormState()))
    }

    private func accountPage(_ req: Request, form: FormState) async throws -> AccountPage {
        let user = try req.requireUser()
        try req.authorize(.read, .account(id: user.requireID(), organisationID: user.$organisation.id))
        let organisation = try await user.$organisation.get(on: req.db)
        return AccountPage(name: user.displayName, email: user.email, role: user.role, organisation: organisation?.name,
                           timeZone: user.timeZoneIdentifier, form: form, text: req)
    }

    struct TimeZoneForm: Content {
        /// As the IANA database names it: "Europe/Paris", "America/Bogota".
        var timeZone: String?
    }

    @Sendable func setTimeZone(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(TimeZoneForm.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.accounts.setTimeZone(named: form.timeZone, for: user)
            req.flash("account.time_zone_saved")
            return req.redirect(to: AccountRoute.show.link())
        } form: { errors in
            try await req.page(try await accountPage(req, form: FormState(values: ["timeZone": form.timeZone ?? ""], errors: errors, on: req)))
        }
    }

    @Sendable func tokens(req: Request) async throws -> View {
        try await req.page(try await tokensPage(req, newToken: nil, errors: []))
    }

    private func tokensPage(_ req: Request, newToken: String?, errors: [FieldError]) async throws -> TokensPage {
        let user = try req.requireUser()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        return try TokensPage(tokens: tokens, newToken: newToken, errors: errors, text: req)
    }

    struct TokenForm: Content { var name: String? }

    /// The token is shown once, on the response to its creation; only its digest is kept.
    @Sendable func createToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(TokenForm.self)
        var v = ExchangeCore.Validator()
        let name = v.text("name", form.name, maxLength: 80)
        guard v.isValid else {
            return try await req.page(try await tokensPage(req, newToken: nil, errors: v.errors), status: .unprocessableEntity)
        }
        let secret = SecretToken(prefix: APIToken.prefix)
        try await req.audited { scope in
            let token = APIToken(id: UUID(), userID: try user.requireID(), name: name, secret: secret, now: req.application.clock.now())
            try await token.create(on: scope.db)
            try await scope.record(.apiTokenCreate, .apiToken(token.requireID()), changes: ["name": name])
        }
        return try await req.page(try await tokensPage(req, newToken: secret.plaintext, errors: []), status: .created)
    }

    @Sendable func revokeToken(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        guard let token = try await APIToken.find(id, on: req.db) else { throw AppError.notFound }
        try req.authorize(.update, .apiToken(ownerID: token.$user.id))
        if token.revokedAt == nil {
            try await req.audited { scope in
                token.revokedAt = req.application.clock.now()
                try await token.save(on: scope.db)
                try await scope.record(.apiTokenRevoke, .apiToken(id))
            }
        }
        req.flash("tokens.revoked")
        return req.redirect(to: AccountRoute.tokens.link())
    }
}
