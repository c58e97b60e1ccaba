import ExchangeCore
import Vapor

/// "Forgot password": a single-use, expiring link by mail, then a new password.
struct PasswordResetController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(PasswordResetRoute.forgotForm, use: forgotForm)
        routes.on(PasswordResetRoute.forgot, use: forgot)
        routes.on(PasswordResetRoute.resetForm, use: resetForm)
        routes.on(PasswordResetRoute.reset, use: reset)
    }

    struct ForgotForm: Content { var email: String? }
    struct ResetForm: Content {
        var token: String?
        var password: String?
        var passwordConfirmation: String?
    }
    @Sendable func forgotForm(req: Request) async throws -> View {
        try await req.page(PasswordForgotPage(sent: false))
    }

    @Sendable func forgot(req: Request) async throws -> View {
        let form = try req.content.decode(ForgotForm.self)
        try await req.registry.accounts.requestPasswordReset(email: form.email ?? "", language: req.language)
        return try await req.page(PasswordForgotPage(sent: true))
    }

    @Sendable func resetForm(req: Request) async throws -> View {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard try await req.registry.accounts.usableReset(token: token) != nil else { throw AppError.badRequest(code: "token_unusable") }
        return try await req.page(PasswordResetPage(token: token, errors: [], text: req))
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let form = try req.content.decode(ResetForm.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.accounts.resetPassword(token: form.token ?? "", password: form.password ?? "",
                                                 confirmation: form.passwordConfirmation ?? "")
            req.flash("password.reset_done")
            return req.redirect(to: SessionRoute.form.link())
        } form: { errors in
            try await req.page(PasswordResetPage(token: form.token ?? "", errors: errors, text: req))
        }
    }
}
