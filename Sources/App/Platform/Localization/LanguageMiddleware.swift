import ExchangeCore
import Vapor

/// Decides each request's language: the user's preference, then the session's choice, then Accept-Language, then English.
struct LanguageMiddleware: AsyncMiddleware {
    static let sessionKey = "lang"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // Without cookies, the language travels in the address (`?lang=fr`).
        let asked = request.route?.isCookieless == true ? (try? request.query.get(String.self, at: "lang")).flatMap(SupportedLanguage.init(rawValue:)) : nil
        let chosen = asked ?? request.auth.get(User.self)?.preferredLanguage
            ?? (request.hasSession ? request.session.data[Self.sessionKey].flatMap(SupportedLanguage.init(rawValue:)) : nil)
        request.language = SupportedLanguage.resolve(
            userPreference: chosen, acceptLanguage: request.headers.first(name: .acceptLanguage))
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.language.rawValue)
        return response
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = SupportedLanguage }

    var language: SupportedLanguage {
        get { storage[LanguageKey.self] ?? .fallback }
        set { storage[LanguageKey.self] = newValue }
    }
}
