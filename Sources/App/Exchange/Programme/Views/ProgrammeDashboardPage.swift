import ExchangeCore
import Foundation

/// The programme dashboard: the three KPIs with their arithmetic shown, per year, and server-rendered charts.
struct ProgrammeDashboardPage: PageModel {
    static let template = "programme"
    let titleKey = "programme.title"

    struct Estimate: Encodable, Sendable, Equatable { let label: String; let n: Int; let mean: String; let interval: String }
    struct YearRow: Encodable, Sendable, Equatable {
        let year: Int; let outputs: String; let closed: String; let feedback: String; let needsMet: String; let knowledge: String
    }

    let needsMet: String
    let threshold: Int
    let knowledge: Estimate
    let knowledgeByItem: [Estimate]
    let years: [YearRow]
    let charts: [ChartFigure]
    let responses: Int
    let canEdit: Bool

    init(report: ProgrammeReportService.Report, threshold: Int, canEdit: Bool, text: some Translating) {
        let percent = { ProgrammeFigures.percent($0, text) }
        let itemLabel = { (id: String) -> String in
            guard let area = Int(id.replacingOccurrences(of: "knowledge_area_", with: "")) else { return id }
            return text.t("support_area.\(area)")
        }
        needsMet = text.t("programme.needs_met_value", String(report.needsMet.met), String(report.needsMet.evaluated), percent(report.needsMet.share))
        self.threshold = threshold
        knowledge = Self.format(report.knowledge.programme, text, label: text.t("programme.all_items"))
        knowledgeByItem = report.knowledge.byItem.sorted { $0.key < $1.key }.map { Self.format($0.value, text, label: itemLabel($0.key)) }
        years = report.years.map { y in
            YearRow(year: y.year, outputs: text.t("programme.ratio", String(y.outputsDone), String(y.outputsPlanned)),
                    closed: text.t("programme.ratio", String(y.closed), String(y.started)), feedback: ProgrammeFigures.mean(y.feedback.mean, text),
                    needsMet: percent(report.needsMetByYear[y.year]?.share), knowledge: Self.format(report.knowledgeByYear[y.year] ?? .empty, text).mean)
        }
        charts = ProgrammeCharts(report: report, text: text).all.map { ChartFigure(title: $0.title, svg: $0.svg) }
        responses = report.responses.count
        self.canEdit = canEdit
    }

    static func format(_ e: MeanEstimate, _ text: some Translating, label: String = "") -> Estimate {
        Estimate(label: label, n: e.n, mean: ProgrammeFigures.signed(e.mean, text), interval: ProgrammeFigures.interval(e.low, e.high, text))
    }
}

/// A chart with its title shown above it, not only inside the drawing.
struct ChartFigure: Encodable, Sendable, Equatable {
    let title: String
    let svg: String
}

/// The dashboard's charts: the three KPIs by year, then engagements by stage, support area and region, and the
/// delay from need to match.
struct ProgrammeCharts<Text: Translating> {
    let report: ProgrammeReportService.Report
    let text: Text

    var all: [BarChart] { [needsMet, knowledge, completion, stages, areas, regions, delays] }

    private var years: [Int] { report.years.map(\.year) }

    /// `title` and `summary` are catalog keys.
    private func chart(_ id: String, _ title: String, _ summary: String, _ bars: [BarChart.Bar], scale: Double? = nil) -> BarChart {
        BarChart(id: "chart-\(id)", title: text.t(title), summary: text.t(summary), bars: bars, scale: scale,
                 emptyText: text.t("programme.chart.empty"))
    }

    private func counted(_ label: String, _ count: Int) -> BarChart.Bar { .init(label: label, value: Double(count), text: String(count)) }

    var needsMet: BarChart {
        chart("kpi1", "programme.chart.kpi1", "programme.chart.kpi1_summary", years.map { year in
            let share = report.needsMetByYear[year]?.share
            return .init(label: String(year), value: share, text: ProgrammeFigures.percent(share, text))
        }, scale: 1)
    }

    var knowledge: BarChart {
        chart("kpi2", "programme.chart.kpi2", "programme.chart.kpi2_summary", years.map { year in
            let mean = report.knowledgeByYear[year]?.mean
            return .init(label: String(year), value: mean, text: ProgrammeFigures.signed(mean, text))
        }, scale: 4)
    }

    var completion: BarChart {
        chart("kpi3", "programme.chart.kpi3", "programme.chart.kpi3_summary", report.years.map { y in
            let share = y.started == 0 ? nil : Double(y.closed) / Double(y.started)
            return .init(label: String(y.year), value: share, text: ProgrammeFigures.percent(share, text))
        }, scale: 1)
    }

    var stages: BarChart {
        chart("stages", "programme.chart.stages", "programme.chart.stages_summary", EngagementStage.allCases.map { counted(text.t("engagement.stage.\($0.rawValue)"), report.byStage[$0] ?? 0) })
    }

    var areas: BarChart {
        chart("areas", "programme.chart.areas", "programme.chart.areas_summary", SupportArea.allCases.map { counted(text.t("support_area.\($0.rawValue)"), report.byArea[$0.rawValue] ?? 0) })
    }

    var regions: BarChart {
        chart("regions", "programme.chart.regions", "programme.chart.regions_summary", report.byRegion.keys.sorted().map { counted($0.name(in: text.language), report.byRegion[$0] ?? 0) })
    }

    var delays: BarChart {
        let bins = [(0, 7), (8, 30), (31, 90), (91, 180), (181, Int.max)]
        return chart("delay", "programme.chart.delay", "programme.chart.delay_summary", bins.map { low, high in
            let label = high == Int.max ? text.t("programme.days_over", String(low - 1)) : text.t("programme.days_range", String(low), String(high))
            return counted(label, report.needToMatchDays.filter { $0 >= low && $0 <= high }.count)
        })
    }
}
