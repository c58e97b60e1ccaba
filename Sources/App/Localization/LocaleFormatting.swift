import ExchangeCore
import Foundation
import Vapor

/// Numbers and times as the reader's language writes them ("1 234" in French, "1,234" in English).
extension Request {
    var locale: Locale { Locale(identifier: language.rawValue) }

    func number(_ value: Int) -> String {
        value.formatted(IntegerFormatStyle<Int>(locale: locale))
    }

    /// Date and time to the minute, in UTC, which the page says.
    func dateTime(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style) + " UTC"
    }
}
