import ExchangeCore
import Fluent
import Vapor

/// The programme summary report, generated from live data, as a printable page, JSON and PDF.
struct ProgrammeSummaryController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let readers = routes.grouped(access: ProgrammeController.access)
        readers.get("programme", "summary", use: html)
        readers.get("programme", "summary.json", use: json)
        readers.get("programme", "summary.pdf", use: pdf)
    }

    struct Summary: Content {
        struct Stage: Content { let stage: String; let label: String; let count: Int }
        struct Indicator: Content { let indicator: String; let label: String; let evidence: Int; let latest: String? }
        struct Published: Content { let title: String; let summary: String?; let publishedAt: Date }
        struct Year: Content { let year: Int; let outputsDone: Int; let outputsPlanned: Int; let closed: Int; let started: Int; let satisfaction: Double? }

        let generatedAt: Date
        let stages: [Stage]
        let needsMet: Int
        let needsEvaluated: Int
        let needsMetThreshold: Int
        let knowledgeGain: Double?
        let knowledgePairs: Int
        let knowledgeLow: Double?
        let knowledgeHigh: Double?
        let years: [Year]
        let indicators: [Indicator]
        let published: [Published]
    }

    func summary(_ req: Request) async throws -> Summary {
        try req.authorize(.read, .programmeReports)
        let report = try await req.programmeReport.report()
        let evidence = try await SuccessEvidenceRecord.query(on: req.db).sort(\.$recordedAt, .descending).all()
        let published = try await req.publications.published()
        return Summary(
            generatedAt: req.application.clock.now(),
            stages: EngagementStage.allCases.map { .init(stage: $0.rawValue, label: req.t("engagement.stage.\($0.rawValue)"), count: report.byStage[$0] ?? 0) },
            needsMet: report.needsMet.met, needsEvaluated: report.needsMet.evaluated, needsMetThreshold: req.application.configuration.needsMetThreshold,
            knowledgeGain: report.knowledge.programme.mean, knowledgePairs: report.knowledge.programme.n,
            knowledgeLow: report.knowledge.programme.low, knowledgeHigh: report.knowledge.programme.high,
            years: report.years.map {
                .init(year: $0.year, outputsDone: $0.outputsDone, outputsPlanned: $0.outputsPlanned, closed: $0.closed, started: $0.started,
                      satisfaction: $0.feedback.mean)
            },
            indicators: SuccessIndicator.allCases.map { indicator in
                let rows = evidence.filter { $0.indicator == indicator }
                return .init(indicator: indicator.rawValue, label: req.t("indicators.name.\(indicator.rawValue)"), evidence: rows.count, latest: rows.first?.statement)
            },
            published: published.map { .init(title: $0.needTitle, summary: $0.texts[.summary], publishedAt: $0.publishedAt) })
    }

    @Sendable func json(req: Request) async throws -> Summary {
        try await summary(req)
    }

    @Sendable func html(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"],
                 body: .init(string: try await printable(req, stylesheet: "/css/print.css")))
    }

    @Sendable func pdf(req: Request) async throws -> Response {
        let printer: PDFPrinter
        do {
            printer = try PDFPrinter(configured: req.application.configuration.chromiumPath)
        } catch {
            throw AppError.unavailable(code: "pdf_unavailable")
        }
        let stylesheet = try Data(contentsOf: URL(fileURLWithPath: ResourceLocation.root.path + "/Public/css/print.css"))
        let html = try await printable(req, stylesheet: "print.css")
        let data: Data
        do {
            data = try await printer.pdf(html: html, assets: ["print.css": stylesheet])
        } catch {
            req.logger.error("PDF printing failed: \(String(describing: error))")
            throw AppError.unavailable(code: "pdf_failed")
        }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"programme-summary.pdf\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    private func printable(_ req: Request, stylesheet: String) async throws -> String {
        let summary = try await summary(req)
        struct Head: Encodable { let lang: String; let title: String; let stylesheet: String }
        struct Content: Encodable {
            let summary: Summary
            let date: String
            let needsMetShare: String
            let knowledge: String
            let interval: String
        }
        struct PrintPage: Encodable { let page: Head; let content: Content }
        let share = summary.needsEvaluated == 0 ? "—" : "\(Int((Double(summary.needsMet) / Double(summary.needsEvaluated) * 100).rounded()))%"
        let view = try await req.view.render("programme_summary", PrintPage(
            page: Head(lang: req.language.rawValue, title: req.t("programme.summary_title"), stylesheet: stylesheet),
            content: Content(summary: summary, date: CalendarDay.text(summary.generatedAt), needsMetShare: share,
                             knowledge: summary.knowledgeGain.map { String(format: "%+.2f", $0) } ?? "—",
                             interval: summary.knowledgeLow.flatMap { low in summary.knowledgeHigh.map { req.t("programme.interval", String(format: "%+.2f", low), String(format: "%+.2f", $0)) } } ?? "—")))
        return String(buffer: view.data)
    }
}
