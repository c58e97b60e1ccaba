import ExchangeCore
import Fluent
import Foundation
import Vapor

extension Platform {
    /// One person's inbox as the command line prints it: what waits for them, then what waits for others, each with
    /// its link, in `language` or else the person's own.
    public static func inboxText(_ app: Application, email: String, language: String?) async throws -> String {
        let chosen = try language.map { code in
            guard let language = SupportedLanguage(rawValue: code) else { throw CommandError(description: "--language must be en, fr or es, got \(code)") }
            return language
        }
        guard let address = EmailAddress(email), let user = try await User.query(on: app.db).filter(\.$email == address.value).first() else {
            throw CommandError(description: "no account has the e-mail address \(email)")
        }
        let text = PageText(catalogs: app.catalogs, language: chosen ?? user.preferredLanguage ?? .fallback)
        let inbox = try await InboxDTO(for: user.principal, on: app.db, today: CalendarDate(app.clock.now()), text: text)
        func section(_ heading: String, _ lines: [(String, String)], empty: String?) -> [String] {
            guard !lines.isEmpty || empty != nil else { return [] }
            return [text.t(heading)] + (lines.isEmpty ? ["  " + (empty ?? "")] : lines.map { "  \($0.0)\n    \(app.configuration.baseURL)\($0.1)" })
        }
        let waiting = section("inbox.heading", inbox.waiting.map { ($0.message, $0.link) }, empty: text.t("inbox.empty"))
        let others = section("waiting.heading", inbox.others.map { ($0.message, $0.link) }, empty: nil)
        return (waiting + others).joined(separator: "\n")
    }
}
