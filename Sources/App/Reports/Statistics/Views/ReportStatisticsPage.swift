import ExchangeCore
import Foundation
import SecureReporting

/// The public dashboard: reports per month, by channel, subject and outcome as charts with their numbers, a region map
/// with a table beside it, and the median days to a first response and to closing. Hidden counts say so.
struct ReportStatisticsPage: PageModel {
    static let template = "report_statistics"
    let titleKey = "statistics.title"

    struct Count: Encodable, Sendable, Equatable { let label: String; let count: String; let share: String }
    struct MonthRow: Encodable, Sendable, Equatable { let month: String; let cells: [String]; let total: String }
    struct Duration: Encodable, Sendable, Equatable { let channel: String; let firstResponse: String; let closing: String }

    let intro: String
    let charts: [ChartFigure]
    let map: ChartFigure
    let regions: [Count]
    let channels: [String]
    let monthRows: [MonthRow]
    let durations: [Duration]
    let csvHref: String
    let jsonHref: String
    let reportHref: String

    init(_ statistics: ReportStatistics, subjects: [String: LocalizedText], text: some Translating) {
        let labels = Labels(subjects: subjects, text: text)
        intro = text.t("statistics.intro", String(statistics.k))
        let byChannel = statistics.tables[.channel]!
        let months = statistics.months.map { text.month($0) }
        charts = [
            Self.chart("months", text.t("statistics.chart.months"), text.t("statistics.chart.months_summary"),
                       zip(months, byChannel.rowTotals).map { ($0, $1) }, labels),
        ] + [(ReportStatistics.Dimension.channel, "channel"), (.category, "category"), (.outcome, "outcome")].map { dimension, name in
            let table = statistics.tables[dimension]!
            return Self.chart(name, text.t("statistics.chart.\(name)"), text.t("statistics.chart.\(name)_summary"),
                              zip(table.columns.map { labels.value($0, of: dimension) }, table.columnTotals).map { ($0, $1) }, labels)
        }
        let byRegion = statistics.tables[.region]!
        let shares = byRegion.columnTotals.map { count in count.flatMap { c in byRegion.total.map { Double(c) / Double(max($0, 1)) } } }
        regions = zip(byRegion.columns, zip(byRegion.columnTotals, shares)).map { code, figures in
            Count(label: labels.value(code, of: .region), count: labels.count(figures.0), share: figures.1.map { labels.percent($0) } ?? labels.hidden)
        }
        let tiles = zip(byRegion.columns, zip(byRegion.columnTotals, shares)).map { code, figures in
            RegionTileMap.Tile(code: code == ReportStatistics.unknownRegion ? "?" : code, name: labels.value(code, of: .region), share: figures.1,
                               text: figures.1.map { labels.percent($0) } ?? labels.hidden)
        }
        map = ChartFigure(title: text.t("statistics.map"),
                          svg: RegionTileMap(id: "chart-regions", title: text.t("statistics.map"), summary: text.t("statistics.map_summary"), tiles: tiles).svg)
        channels = byChannel.columns.map { labels.value($0, of: .channel) }
        monthRows = statistics.months.indices.map { r in
            MonthRow(month: months[r], cells: byChannel.cells[r].map { labels.count($0) }, total: labels.count(byChannel.rowTotals[r]))
        }
        durations = statistics.durations.map { d in
            Duration(channel: text.t("statistics.channel.\(d.channel.rawValue)"),
                     firstResponse: d.firstResponse.map { text.t("statistics.days", text.decimal($0)) } ?? text.t("statistics.too_few", String(statistics.k)),
                     closing: d.closing.map { text.t("statistics.days", text.decimal($0)) } ?? text.t("statistics.too_few", String(statistics.k)))
        }
        (csvHref, jsonHref, reportHref) = (ReportStatisticsRoute.csv.link(), APIReportStatisticsRoute.show.link(), ReportIntakeRoute.contexts.link())
    }

    private static func chart<T: Translating>(_ id: String, _ title: String, _ summary: String, _ values: [(String, Int?)], _ labels: Labels<T>) -> ChartFigure {
        let chart = BarChart(id: "chart-\(id)", title: title, summary: summary,
                             bars: values.map { BarChart.Bar(label: $0.0, value: $0.1.map(Double.init), text: labels.count($0.1)) }, emptyText: labels.empty)
        return ChartFigure(title: title, svg: chart.svg)
    }

    /// Names of what the tables count, and counts as the reader writes them.
    struct Labels<T: Translating> {
        let subjects: [String: LocalizedText]
        let text: T

        var hidden: String { text.t("statistics.hidden") }
        var empty: String { text.t("statistics.empty") }

        func count(_ value: Int?) -> String { value.map(text.number) ?? hidden }

        func percent(_ share: Double) -> String {
            share.formatted(FloatingPointFormatStyle<Double>.Percent(locale: text.locale).precision(.fractionLength(0)))
        }

        func value(_ value: String, of dimension: ReportStatistics.Dimension) -> String {
            switch dimension {
            case .channel: text.t("statistics.channel.\(value)")
            case .category: subjects[value]?[text.language] ?? value
            case .region: value == ReportStatistics.unknownRegion ? text.t("statistics.no_region") : WorldRegion(value)?.name(in: text.language) ?? value
            case .outcome: text.t("reporting.status.\(value)")
            }
        }
    }
}
