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

    struct RegisterPage: Encodable {
        let form: FormState
        let roles: [Option]
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.page("register", title: "register.title", RegisterPage(form: FormState(), roles: roles(req, selected: nil)))
    }

    @Sendable func register(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.accounts.register(.init(
                email: form.email ?? "", displayName: form.displayName ?? "", role: form.role ?? "",
                organisationName: form.organisationName ?? "", password: form.password ?? "",
                passwordConfirmation: form.passwordConfirmation ?? ""), language: req.language)
            struct Done: Encodable {}
            return try await req.page("register_done", title: "register.done_title", Done()).encodeResponse(for: req)
        } form: { errors in
            let values = ["displayName": form.displayName ?? "", "email": form.email ?? "", "organisationName": form.organisationName ?? ""]
            return try await req.page("register", title: "register.title",
                                      RegisterPage(form: FormState(values: values, errors: errors, on: req), roles: roles(req, selected: form.role)))
        }
    }

    private func roles(_ req: Request, selected: String?) -> [Option] {
        Role.selfRegistrable.map { Option(value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: $0.rawValue == selected) }
    }
}
