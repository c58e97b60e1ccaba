import ExchangeCore
import SecureReporting
import Vapor

/// The public statistics of reports, open to anyone, and coordinators' oversight of intake.
enum ReportStatisticsRoute: String, Endpoint {
    case dashboard
    case csv
    case oversight

    var spec: EndpointSpec {
        switch self {
        case .dashboard: .get("statistics/reports", .open)
        case .csv: .get("statistics/reports.csv", .open)
        case .oversight: .get("report-oversight", .programmeStaff)
        }
    }
}

/// The routes `APIReportStatisticsController` answers.
enum APIReportStatisticsRoute: String, APIEndpoint {
    case show

    var spec: EndpointSpec {
        switch self {
        case .show: .get("report-statistics", .open)
        }
    }

    var operation: APIOperation {
        switch self {
        case .show: APIOperation("getReportStatistics",
                                 "Reports of the last 12 months by month and channel, subject, region and outcome (anyone). Every count shown is at least k; null marks a hidden count",
                                 answer: .json(ReportStatisticsDTO.self))
        }
    }
}

/// The public statistics as JSON: one table per dimension, months as rows, and null where a count is hidden.
struct ReportStatisticsDTO: Content {
    struct Table: Content {
        let dimension: ReportStatistics.Dimension
        let columns: [String]
        let cells: [[Int?]]
        let monthTotals: [Int?]
        let columnTotals: [Int?]
        let total: Int?
    }

    struct Durations: Content {
        let channel: ReportChannel
        let medianDaysToFirstResponse: Double?
        let medianDaysToClosing: Double?
    }

    let k: Int
    let months: [String]
    let tables: [Table]
    let durations: [Durations]

    init(_ statistics: ReportStatistics) {
        k = statistics.k
        months = statistics.months.map(\.description)
        tables = ReportStatistics.Dimension.allCases.map { dimension in
            let table = statistics.tables[dimension]!
            return Table(dimension: dimension, columns: table.columns, cells: table.cells, monthTotals: table.rowTotals, columnTotals: table.columnTotals,
                         total: table.total)
        }
        durations = statistics.durations.map { Durations(channel: $0.channel, medianDaysToFirstResponse: $0.firstResponse, medianDaysToClosing: $0.closing) }
    }
}
