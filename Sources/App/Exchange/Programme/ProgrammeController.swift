import Crypto
import ExchangeCore
import Vapor

/// The programme dashboard: the three KPIs with their arithmetic shown, server-rendered charts, and every
/// evaluation response as CSV with its data dictionary.
struct ProgrammeController: RouteCollection {
    static let access = RouteAccess.roles([.coordinator, .administrator, .evaluator, .analyst])

    func boot(routes: RoutesBuilder) throws {
        routes.on(ProgrammeRoute.dashboard, use: dashboard)
        routes.on(ProgrammeRoute.responsesCSV, use: responsesCSV)
        routes.on(ProgrammeRoute.dictionaryCSV, use: dictionaryCSV)
    }

    struct Estimate: Encodable { let label: String; let n: Int; let mean: String; let interval: String }
    struct YearRow: Encodable { let year: Int; let outputs: String; let closed: String; let feedback: String; let needsMet: String; let knowledge: String }

    struct Dashboard: Encodable {
        let needsMet: String
        let threshold: Int
        let knowledge: Estimate
        let knowledgeByItem: [Estimate]
        let years: [YearRow]
        let charts: [String]
        let responses: Int
        let canEdit: Bool
    }

    @Sendable func dashboard(req: Request) async throws -> View {
        try req.authorize(.read, .programmeReports)
        let report = try await req.cachedProgrammeReport()
        let percent = { (share: Double?) in share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
        let itemLabel = { (id: String) -> String in
            guard let area = Int(id.replacingOccurrences(of: "knowledge_area_", with: "")) else { return id }
            return req.t("support_area.\(area)")
        }
        let years = report.years.map { y in
            YearRow(year: y.year, outputs: req.t("programme.ratio", String(y.outputsDone), String(y.outputsPlanned)),
                    closed: req.t("programme.ratio", String(y.closed), String(y.started)), feedback: Self.format(y.feedback, req).mean,
                    needsMet: percent(report.needsMetByYear[y.year]?.share), knowledge: Self.format(report.knowledgeByYear[y.year] ?? .empty, req).mean)
        }
        return try await req.page("programme", title: "programme.title", Dashboard(
            needsMet: req.t("programme.needs_met_value", String(report.needsMet.met), String(report.needsMet.evaluated), percent(report.needsMet.share)),
            threshold: req.application.configuration.needsMetThreshold,
            knowledge: Self.format(report.knowledge.programme, req, label: req.t("programme.all_items")),
            knowledgeByItem: report.knowledge.byItem.sorted { $0.key < $1.key }.map { Self.format($0.value, req, label: itemLabel($0.key)) },
            years: years,
            charts: charts(report, req, percent: percent),
            responses: report.responses.count,
            canEdit: req.principal!.role.managesProgramme))
    }

    private func charts(_ report: ProgrammeReportService.Report, _ req: Request, percent: (Double?) -> String) -> [String] {
        let years = report.years.map(\.year)
        let needsMet = BarChart(id: "chart-kpi1", title: req.t("programme.chart.kpi1"), summary: req.t("programme.chart.kpi1_summary"),
                                bars: years.map { year in
                                    let share = report.needsMetByYear[year]?.share
                                    return .init(label: String(year), value: share ?? 0, text: percent(share))
                                }, scale: 1)
        let knowledge = BarChart(id: "chart-kpi2", title: req.t("programme.chart.kpi2"), summary: req.t("programme.chart.kpi2_summary"),
                                 bars: years.map { year in
                                     let mean = report.knowledgeByYear[year]?.mean
                                     return .init(label: String(year), value: mean ?? 0, text: mean.map { String(format: "%+.2f", $0) } ?? "—")
                                 }, scale: 4)
        let completion = BarChart(id: "chart-kpi3", title: req.t("programme.chart.kpi3"), summary: req.t("programme.chart.kpi3_summary"),
                                  bars: report.years.map { y in
                                      let share = y.started == 0 ? nil : Double(y.closed) / Double(y.started)
                                      return .init(label: String(y.year), value: share ?? 0, text: percent(share))
                                  }, scale: 1)
        let stages = BarChart(id: "chart-stages", title: req.t("programme.chart.stages"), summary: req.t("programme.chart.stages_summary"),
                              bars: EngagementStage.allCases.map { stage in
                                  let count = report.byStage[stage] ?? 0
                                  return .init(label: req.t("engagement.stage.\(stage.rawValue)"), value: Double(count), text: String(count))
                              })
        let areas = BarChart(id: "chart-areas", title: req.t("programme.chart.areas"), summary: req.t("programme.chart.areas_summary"),
                             bars: SupportArea.allCases.map { area in
                                 let count = report.byArea[area.rawValue] ?? 0
                                 return .init(label: req.t("support_area.\(area.rawValue)"), value: Double(count), text: String(count))
                             })
        let regions = BarChart(id: "chart-regions", title: req.t("programme.chart.regions"), summary: req.t("programme.chart.regions_summary"),
                               bars: report.byRegion.keys.sorted().map { region in
                                   let count = report.byRegion[region] ?? 0
                                   return .init(label: region.name(in: req.language), value: Double(count), text: String(count))
                               })
        let bins = [(0, 7), (8, 30), (31, 90), (91, 180), (181, Int.max)]
        let delays = BarChart(id: "chart-delay", title: req.t("programme.chart.delay"), summary: req.t("programme.chart.delay_summary"),
                              bars: bins.map { low, high in
                                  let count = report.needToMatchDays.filter { $0 >= low && $0 <= high }.count
                                  let label = high == Int.max ? req.t("programme.days_over", String(low - 1)) : req.t("programme.days_range", String(low), String(high))
                                  return .init(label: label, value: Double(count), text: String(count))
                              })
        return [needsMet, knowledge, completion, stages, areas, regions, delays].map(\.svg)
    }

    static func format(_ e: MeanEstimate, _ req: Request, label: String = "") -> Estimate {
        Estimate(label: label, n: e.n, mean: e.mean.map { String(format: "%+.2f", $0) } ?? "—",
                 interval: e.low.flatMap { low in e.high.map { req.t("programme.interval", String(format: "%+.2f", low), String(format: "%+.2f", $0)) } } ?? "—")
    }

    // MARK: - Export

    static let columns = ["exchange", "need", "stage", "party", "respondent", "submitted_at", "question", "kind", "role", "answer"]

    @Sendable func responsesCSV(req: Request) async throws -> Response {
        try req.authorize(.list, .programmeReports)
        let report = try await req.cachedProgrammeReport()
        let needs = try await Engagement.query(on: req.db).with(\.$need).all()
        let title = Dictionary(uniqueKeysWithValues: try needs.map { (try $0.requireID(), $0.need.title) })
        var lines = [Self.columns.joined(separator: ",")]
        for response in report.responses.sorted(by: { ($0.exchange.uuidString, $0.submittedAt) < ($1.exchange.uuidString, $1.submittedAt) }) {
            for (id, answer) in response.answers.sorted(by: { $0.key < $1.key }) {
                let question = report.questions[id]?.1
                lines.append(CSVExport.row([response.exchange.uuidString.lowercased(), title[response.exchange] ?? "", response.stage.rawValue,
                              response.party.rawValue, Self.pseudonym(response.respondent), response.submittedAt.formatted(.iso8601), id,
                              question?.kind.rawValue ?? "", question?.role?.rawValue ?? "", answer.exported]))
            }
        }
        return CSVExport.response(lines, name: "evaluation-responses.csv")
    }

    @Sendable func dictionaryCSV(req: Request) async throws -> Response {
        try req.authorize(.list, .programmeReports)
        let report = try await req.cachedProgrammeReport()
        var lines = ["name,type,description"]
        for column in Self.columns { lines.append(CSVExport.row([column, "column", req.t("programme.column.\(column)")])) }
        for (id, entry) in report.questions.sorted(by: { $0.key < $1.key }) {
            let (stage, question) = entry
            let choices = question.kind == .likert ? "1–5" : question.choices.map { "\($0.id)=\($0.label[req.language])" }.joined(separator: "; ")
            lines.append(CSVExport.row([id, "question (\(stage.rawValue), \(question.kind.rawValue)\(question.role.map { ", \($0.rawValue)" } ?? ""))",
                          question.prompt[req.language] + (choices.isEmpty ? "" : " [\(choices)]")]))
        }
        return CSVExport.response(lines, name: "evaluation-responses-dictionary.csv")
    }

    /// Respondents are pseudonymous in the export: the same person has the same code, and the code names no one.
    static func pseudonym(_ id: UUID) -> String {
        "R" + SHA256.hash(data: Data(id.uuidString.lowercased().utf8)).prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}
