import ExchangeCore
import Fluent
import Vapor

/// The programme summary report, generated from live data, as a printable page, JSON and PDF.
struct ProgrammeSummaryController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ProgrammeSummaryRoute.html, use: html)
        routes.on(ProgrammeSummaryRoute.json, use: json)
        routes.on(ProgrammeSummaryRoute.pdf, use: pdf)
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
        return try await Self.build(on: req.db, catalogs: req.application.catalogs, language: req.language, now: req.application.clock.now(),
                                    threshold: req.application.configuration.needsMetThreshold)
    }

    /// The summary from the database, labelled in `language`; the command line uses it too.
    static func build(on db: Database, catalogs: Catalogs, language: SupportedLanguage, now: Date, threshold: Int) async throws -> Summary {
        let t = { (key: String) in catalogs.text(key, language) }
        let report = try await ProgrammeReportService(db: db, threshold: threshold).report()
        let evidence = try await SuccessEvidenceRecord.query(on: db).sort(\.$recordedAt, .descending).all()
        let published = try await Publication.query(on: db).sort(\.$publishedAt, .descending).all()
        return Summary(
            generatedAt: now,
            stages: EngagementStage.allCases.map { .init(stage: $0.rawValue, label: t("engagement.stage.\($0.rawValue)"), count: report.byStage[$0] ?? 0) },
            needsMet: report.needsMet.met, needsEvaluated: report.needsMet.evaluated, needsMetThreshold: threshold,
            knowledgeGain: report.knowledge.programme.mean, knowledgePairs: report.knowledge.programme.n,
            knowledgeLow: report.knowledge.programme.low, knowledgeHigh: report.knowledge.programme.high,
            years: report.years.map {
                .init(year: $0.year, outputsDone: $0.outputsDone, outputsPlanned: $0.outputsPlanned, closed: $0.closed, started: $0.started,
                      satisfaction: $0.feedback.mean)
            },
            indicators: SuccessIndicator.allCases.map { indicator in
                let rows = evidence.filter { $0.indicator == indicator }
                return .init(indicator: indicator.rawValue, label: t("indicators.name.\(indicator.rawValue)"), evidence: rows.count, latest: rows.first?.statement)
            },
            published: published.map { .init(title: $0.needTitle, summary: $0.texts(in: language)[.summary], publishedAt: $0.publishedAt) })
    }

    @Sendable func json(req: Request) async throws -> Summary {
        try await summary(req)
    }

    @Sendable func html(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"],
                 body: .init(string: try await printable(req, stylesheet: "/css/print.css")))
    }

    @Sendable func pdf(req: Request) async throws -> Response {
        try await req.pdfResponse(html: try await printable(req, stylesheet: "print.css"), filename: "programme-summary.pdf")
    }

    private func printable(_ req: Request, stylesheet: String) async throws -> String {
        let page = ProgrammeSummaryPrintPage(summary: try await summary(req), stylesheet: stylesheet, text: req)
        return String(buffer: try await req.view.render(ProgrammeSummaryPrintPage.template, page).data)
    }
}
