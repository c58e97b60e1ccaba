import ExchangeCore
import Foundation
import SecureReporting
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

    /// A day as the reader's language writes it ("15 janv. 2027"); forms and the API keep yyyy-MM-dd.
    func day(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale)
        style.timeZone = .gmt
        return date.formatted(style)
    }

    func day(_ date: Date?, none: String) -> String {
        date.map(day) ?? none
    }

    func day(_ date: CalendarDate) -> String {
        day(date.midnightUTC)
    }

    /// A day kept as yyyy-MM-dd text; text that is no day stays as written.
    func day(stored: String) -> String {
        CalendarDate(stored).map(day) ?? stored
    }

    /// Date and time to the minute, in the reader's zone, which the text names ("UTC" until they choose one).
    func dateTime(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale)
        style.timeZone = timeZone
        return date.formatted(style) + (timeZone == .gmt ? " UTC" : " (\(timeZone.identifier))")
    }
}

extension Translating {
    /// A month as the reader's language writes it ("déc. 2026").
    func month(_ month: ReportMonth) -> String {
        var style = Date.FormatStyle(locale: locale).month(.abbreviated).year()
        style.timeZone = .gmt
        return CalendarDay.parse("\(month)-01")!.formatted(style)
    }

    /// A number to one decimal at most ("3,5" in French).
    func decimal(_ value: Double) -> String {
        value.formatted(FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(0...1)))
    }
}
