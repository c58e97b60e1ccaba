import ExchangeCore
import Fluent
import SecureReporting
import Vapor

/// The public dashboard of reports, its CSV download, and the coordinators' oversight page.
struct ReportStatisticsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ReportStatisticsRoute.dashboard, use: dashboard)
        routes.on(ReportStatisticsRoute.csv, use: csv)
        routes.on(ReportStatisticsRoute.oversight, use: oversight)
    }

    @Sendable func dashboard(req: Request) async throws -> View {
        let statistics = try await req.registry.reportStatistics.statistics()
        return try await req.page(ReportStatisticsPage(statistics, subjects: try await subjects(req), text: req))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let statistics = try await req.registry.reportStatistics.statistics()
        return CSVExport.response(ReportStatisticsCSV.lines(statistics), name: "report-statistics-\(statistics.months.last!).csv")
    }

    @Sendable func oversight(req: Request) async throws -> View {
        let oversight = try await req.registry.reportStatistics.oversight()
        return try await req.page(ReportOversightPage(
            surges: oversight.surges, intake: oversight.intake.map { .init(title: $0.context.title, reports: $0.reports, lacking: $0.lacking) },
            subjects: try await subjects(req), text: req))
    }

    private func subjects(_ req: Request) async throws -> [String: LocalizedText] {
        Dictionary(try await ReportContext.query(on: req.db).all().map { ($0.key, $0.title) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The public statistics over JSON.
struct APIReportStatisticsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIReportStatisticsRoute.show, use: show)
    }

    @Sendable func show(req: Request) async throws -> ReportStatisticsDTO {
        ReportStatisticsDTO(try await req.registry.reportStatistics.statistics())
    }
}
