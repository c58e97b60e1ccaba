import ExchangeCore
import Vapor

/// Self-registration: creates a pending account that a coordinator approves.
struct RegistrationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(RegistrationRoute.form, use: form)
        routes.on(RegistrationRoute.register, use: register)
    }

    struct Form: Content {
        var displayName: String?
        var email: String?
        var role: String?
        var organisationName: String?
        var password: String?
        var passwordConfirmation: String?
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.page(RegisterPage(values: [:], role: nil, errors: [], text: req))
    }

    @Sendable func register(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.accounts.register(.init(
                email: form.email ?? "", displayName: form.displayName ?? "", role: form.role ?? "",
                organisationName: form.organisationName ?? "", password: form.password ?? "",
                passwordConfirmation: form.passwordConfirmation ?? ""), language: req.language)
            return try await req.page(RegisterDonePage()).encodeResponse(for: req)
        } form: { errors in
            let values = ["displayName": form.displayName ?? "", "email": form.email ?? "", "organisationName": form.organisationName ?? ""]
            return try await req.page(RegisterPage(values: values, role: form.role, errors: errors, text: req))
        }
    }
}
