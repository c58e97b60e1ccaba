import ExchangeCore
import Vapor

/// Sign in and sign out.
struct SessionController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(SessionRoute.form, use: form)
        routes.on(SessionRoute.login, use: login)
        routes.on(SessionRoute.logout, use: logout)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable func form(req: Request) async throws -> View {
        let next = LanguageController.safeReturn(try? req.query.get(String.self, at: "next"))
        return try await req.page(LoginPage(email: "", next: next, error: nil, text: req))
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = LanguageController.safeReturn(form.next)
        let outcome = try await req.registry.accounts.login(email: form.email ?? "", password: form.password ?? "")
        switch outcome {
        case .signedIn(let id):
            guard let user = try await User.find(id, on: req.db) else { throw AppError.notFound }
            req.startSession(for: user)
            return req.redirect(to: next)
        case .invalid, .locked:
            let key = outcome == .locked ? "login.locked" : "login.invalid"
            return try await req.page(LoginPage(email: form.email ?? "", next: next, error: key, text: req),
                                      status: outcome == .locked ? .tooManyRequests : .unauthorized)
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await req.application.auditLog.transaction(on: req.db, actor: .user(user.requireID())) { scope in
            try await scope.record(.sessionLogout, .user(user.requireID()))
        }
        req.endSession()
        return req.redirect(to: HomeRoute.home.link())
    }
}
