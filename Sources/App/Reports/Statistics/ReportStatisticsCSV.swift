import SecureReporting

/// The public statistics as CSV lines, one count per line: `dimension,value,month,count`, with `month` "all" for a
/// column's total, `dimension` and `value` "all" for a month's total, and `count` empty where it is hidden
/// (docs/report-statistics.md is the data dictionary).
enum ReportStatisticsCSV {
    static let header = ["dimension", "value", "month", "count"]

    static func lines(_ statistics: ReportStatistics) -> [String] {
        var lines = [CSVExport.row(header)]
        for dimension in ReportStatistics.Dimension.allCases {
            let table = statistics.tables[dimension]!
            for (c, column) in table.columns.enumerated() {
                for (r, month) in table.rows.enumerated() { lines.append(line(dimension.rawValue, column, month, table.cells[r][c])) }
                lines.append(line(dimension.rawValue, column, "all", table.columnTotals[c]))
            }
        }
        let months = statistics.tables[.channel]!
        for (r, month) in months.rows.enumerated() { lines.append(line("all", "all", month, months.rowTotals[r])) }
        lines.append(line("all", "all", "all", months.total))
        return lines
    }

    private static func line(_ dimension: String, _ value: String, _ month: String, _ count: Int?) -> String {
        CSVExport.row([dimension, value, month, count.map(String.init) ?? ""])
    }
}
