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

    @Sendable func dashboard(req: Request) async throws -> View {
        try req.authorize(.read, .programmeReports)
        return try await req.page(ProgrammeDashboardPage(report: try await req.cachedProgrammeReport(), threshold: req.application.configuration.needsMetThreshold,
                                                         canEdit: req.principal!.role.managesProgramme, text: req))
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
