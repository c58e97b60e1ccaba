import ExchangeCore
import Foundation

/// Dates that mean a day (availability, a preferred start, when something was made) as forms, pages and the API
/// write them: yyyy-MM-dd, at midnight UTC.
enum CalendarDay {
    static func text(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    static func text(_ date: Date?, none: String) -> String {
        date.map(text) ?? none
    }

    static func parse(_ text: String) -> Date? {
        try? Date(text.trimmingWhitespace() + "T00:00:00Z", strategy: .iso8601)
    }
}

extension CalendarDate {
    /// The day's start, as `CalendarDay` stores days.
    var midnightUTC: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
