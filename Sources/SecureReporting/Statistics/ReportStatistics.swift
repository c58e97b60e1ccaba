import Foundation

/// A month, as statistics count by: `2026-12`.
public struct ReportMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "a month of the year")
        (self.year, self.month) = (year, month)
    }

    /// The month (UTC) `date` falls in.
    public init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month], from: date)
        self.init(year: parts.year!, month: parts.month!)
    }

    public var description: String { String(format: "%04d-%02d", year, month) }

    /// `count` months ending with this one, oldest first.
    public func window(_ count: Int) -> [ReportMonth] {
        (0..<count).reversed().map { back in
            let index = year * 12 + (month - 1) - back
            return ReportMonth(year: index / 12, month: index % 12 + 1)
        }
    }

    public static func < (a: ReportMonth, b: ReportMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}

/// Reports that share everything statistics look at, and how many they are: what the server may read of a report
/// (its channel, subject, region and status, and three days), grouped.
public struct StatisticsRecord: Sendable, Equatable {
    public let channel: ReportChannel
    public let category: String
    public let region: String?
    public let status: ComplaintStatus
    public let submittedOn: Date
    public let firstResponseOn: Date?
    public let closedOn: Date?
    public let count: Int

    public init(channel: ReportChannel, category: String, region: String?, status: ComplaintStatus, submittedOn: Date, firstResponseOn: Date? = nil,
                closedOn: Date? = nil, count: Int = 1) {
        (self.channel, self.category, self.region, self.status) = (channel, category, region, status)
        (self.submittedOn, self.firstResponseOn, self.closedOn, self.count) = (submittedOn, firstResponseOn, closedOn, count)
    }
}

/// What the public sees: monthly counts by channel, subject, region and outcome, protected together so that no cell
/// under k reports can be shown or worked out, and the median days to a first response and to closing, shown only
/// when at least k reports make them.
public struct ReportStatistics: Sendable, Equatable {
    public enum Dimension: String, Sendable, CaseIterable, Codable {
        case channel, category, region, outcome
    }

    /// Medians, in days; nil where fewer than k reports would make one.
    public struct Durations: Sendable, Equatable {
        public let channel: ReportChannel
        public let firstResponse: Double?
        public let closing: Double?
    }

    /// The value of the region dimension for reports that name none.
    public static let unknownRegion = "unknown"
    /// Months published, the current one last.
    public static let months = 12

    public let months: [ReportMonth]
    public let tables: [Dimension: PublishedTable]
    public let durations: [Durations]
    public let k: Int

    public init(_ records: [StatisticsRecord], through month: ReportMonth, k: Int = CellSuppression.k) {
        let window = month.window(Self.months)
        let kept = records.filter { window.contains(ReportMonth($0.submittedOn)) }
        let tables = Dimension.allCases.map { Self.count(kept, by: $0, months: window) }
        let published = CellSuppression.protect(family: tables, k: k)
        (self.months, self.k) = (window, k)
        self.tables = Dictionary(uniqueKeysWithValues: zip(Dimension.allCases, published))
        durations = ReportChannel.allCases.map { channel in
            let mine = kept.filter { $0.channel == channel }
            return Durations(channel: channel, firstResponse: Self.median(mine, k: k) { $0.firstResponseOn },
                             closing: Self.median(mine, k: k) { $0.closedOn })
        }
    }

    static func value(of record: StatisticsRecord, _ dimension: Dimension) -> String {
        switch dimension {
        case .channel: record.channel.rawValue
        case .category: record.category
        case .region: record.region ?? unknownRegion
        case .outcome: record.status.rawValue
        }
    }

    /// Months by the values that occur; values that never occur are not columns, so the table has no empty column.
    static func count(_ records: [StatisticsRecord], by dimension: Dimension, months: [ReportMonth]) -> CountTable {
        let columns = Set(records.map { value(of: $0, dimension) }).sorted()
        let rowIndex = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: columns.count), count: months.count)
        for record in records {
            counts[rowIndex[ReportMonth(record.submittedOn)]!][columnIndex[value(of: record, dimension)]!] += record.count
        }
        return CountTable(rows: months.map(\.description), columns: columns, counts: counts)
    }

    /// The median of the days from submission to `end`, over reports that have an end; nil under k of them.
    static func median(_ records: [StatisticsRecord], k: Int, end: (StatisticsRecord) -> Date?) -> Double? {
        var days: [(Int, Int)] = records.compactMap { record in
            end(record).map { (Int(($0.timeIntervalSince(record.submittedOn) / 86_400).rounded()), record.count) }
        }
        let total = days.reduce(0) { $0 + $1.1 }
        guard total >= k else { return nil }
        days.sort { $0.0 < $1.0 }
        func at(_ position: Int) -> Int {
            var seen = 0
            for (value, count) in days {
                seen += count
                if seen > position { return value }
            }
            return days.last!.0
        }
        return total % 2 == 1 ? Double(at(total / 2)) : Double(at(total / 2 - 1) + at(total / 2)) / 2
    }
}
