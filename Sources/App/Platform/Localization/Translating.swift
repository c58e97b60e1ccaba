import ExchangeCore
import Foundation
import Vapor

/// What a page model needs to put words and numbers on a page: text from the catalogs in one language. A request is
/// one; `PageText` is the same from plain values, so page models are built and tested without the app.
protocol Translating: Sendable {
    var language: SupportedLanguage { get }
    /// The zone times are shown in.
    var timeZone: TimeZone { get }
    func t(_ key: String, _ arguments: [String]) -> String
}

extension Translating {
    func t(_ key: String, _ arguments: String...) -> String { t(key, arguments) }
}

/// The catalogs in one language, as plain values.
struct PageText: Translating {
    let catalogs: Catalogs
    let language: SupportedLanguage
    var timeZone: TimeZone = .gmt

    func t(_ key: String, _ arguments: [String]) -> String { catalogs.text(key, language, arguments) }
}

extension Request: Translating {
    /// The signed-in person's zone; UTC for everyone else.
    var timeZone: TimeZone { auth.get(User.self)?.timeZone ?? .gmt }
}
