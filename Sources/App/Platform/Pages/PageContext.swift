import ExchangeCore
import Fluent
import Vapor

/// What every page's layout needs: language, navigation, the CSRF token and who is signed in.
struct PageContext: Encodable {
    struct LanguageOption: Encodable {
        let code: String
        let name: String
        let selected: Bool
    }

    struct SignedIn: Encodable {
        let name: String
        let role: String
    }

    let lang: String
    let title: String
    let languages: [LanguageOption]
    let csrf: String
    /// New with every page: forms send it as `_once`, so a second click acts once (`IdempotencyMiddleware`).
    let once: String
    let user: SignedIn?
    let nav: [NavigationItem]
    let unread: Int
    let path: String
    let flash: String?
    let demo: Bool
    /// The page is served without cookies: no session token, and the language is chosen in the address.
    var cookieless = false
    /// False on a page answering a form without cookies: switching language would load the form again and lose what
    /// it shows (a receipt).
    var languageSwitch = true
}

/// A page's layout context and its own content, rendered by one template.
struct Page<Content: Encodable>: Encodable {
    let page: PageContext
    let content: Content
}

extension Request {
    /// Renders `template` inside the layout. `title` is a catalog key.
    func page<C: Encodable>(_ template: String, title: String, _ content: C) async throws -> View {
        // A page without cookies touches no session: no token, no flash, nobody signed in.
        let cookieless = route?.isCookieless == true
        let user = cookieless ? nil : auth.get(User.self)
        let unread: Int
        if let id = user?.id {
            unread = try await UserNotification.unreadCount(of: id, on: db.sql)
        } else {
            unread = 0
        }
        let context = PageContext(
            lang: language.rawValue,
            title: t(title),
            languages: SupportedLanguage.allCases.map {
                .init(code: $0.rawValue, name: application.catalogs.text("language.\($0.rawValue)", $0), selected: $0 == language)
            },
            csrf: cookieless ? "" : csrfToken,
            once: cookieless ? "" : SecretToken().plaintext,
            user: user.map { .init(name: $0.displayName, role: t("role.\($0.role.rawValue)")) },
            nav: Navigation.items(for: user?.role, currentPath: url.path),
            unread: unread,
            path: url.path,
            flash: cookieless ? nil : takeFlash(),
            demo: application.configuration.demoMode,
            cookieless: cookieless,
            languageSwitch: !(cookieless && method == .POST))
        return try await view.render(template, Page(page: context, content: content))
    }

    /// A one-time message for the next page: a catalog key and its arguments, rendered in the reader's language.
    func flash(_ key: String, _ arguments: String...) {
        session.data["flash"] = ([key] + arguments).joined(separator: "\u{1F}")
    }

    private func takeFlash() -> String? {
        guard hasSession, let stored = session.data["flash"] else { return nil }
        session.data["flash"] = nil
        let parts = stored.components(separatedBy: "\u{1F}")
        return application.catalogs.text(parts[0], language, Array(parts.dropFirst()))
    }
}
