import ExchangeCore
import Vapor

/// The language switcher on every page. Signed-in people keep the choice as their preference.
struct LanguageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(LanguageRoute.choose, use: choose)
    }

    struct Form: Content {
        let lang: String
        let returnTo: String?
    }

    @Sendable func choose(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        guard let language = SupportedLanguage(rawValue: form.lang) else {
            throw AppError.validation([FieldError("lang", .invalidChoice)])
        }
        req.session.data[LanguageMiddleware.sessionKey] = language.rawValue
        if let user = req.auth.get(User.self) {
            try await req.registry.accounts.setLanguage(language, for: user)
        }
        return req.redirect(to: Self.safeReturn(form.returnTo))
    }

    /// Only same-site paths, so the switcher cannot be used as an open redirect.
    static func safeReturn(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return HomeRoute.home.link() }
        return raw
    }
}
