import ExchangeCore
import Foundation
import Vapor

/// Numbers and times as the reader's language writes them ("1 234" in French, "1,234" in English).
extension Translating {
    var locale: Locale { Locale(identifier: language.rawValue) }

    func number(_ value: Int) -> String {
        value.formatted(IntegerFormatStyle<Int>(locale: locale))
    }

    /// A size in megabytes, to one decimal under ten ("1,5" in French).
    func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value.formatted(FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(0...(value < 10 ? 1 : 0))))
    }

    /// A file's size with its unit in the reader's language ("87 octets", "1,2 Mo").
    func fileSize(_ bytes: Int) -> String {
        Int64(bytes).formatted(ByteCountFormatStyle(style: .file, locale: locale))
    }

    /// Date and time to the minute, in UTC, which the page says.
    func dateTime(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style) + " UTC"
    }
}
