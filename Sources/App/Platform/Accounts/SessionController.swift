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

    struct LoginPage: Encodable {
        let email: String
        let next: String
        let error: String?
    }

    @Sendable func form(req: Request) async throws -> View {
        let next = LanguageController.safeReturn(try? req.query.get(String.self, at: "next"))
        return try await req.page("login", title: "login.title", LoginPage(email: "", next: next, error: nil))
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
            let view = try await req.page("login", title: "login.title",
                                          LoginPage(email: form.email ?? "", next: next, error: req.t(key)))
            let response = try await view.encodeResponse(for: req)
            response.status = outcome == .locked ? .tooManyRequests : .unauthorized
            return response
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
