import ExchangeCore
import Fluent
import RedFlags
import Vapor

/// Analysts and programme staff upload OCDS, follow the run, read and export its red flags, and read how each
/// indicator works. Every page carries the standing caveat.
struct RedFlagsController: RouteCollection {
    static let access = RouteAccess.roles([.coordinator, .administrator, .analyst])

    func boot(routes: RoutesBuilder) throws {
        routes.on(RedFlagsRoute.index, use: index)
        routes.on(RedFlagsRoute.upload, use: upload)
        routes.on(RedFlagsRoute.run, use: run)
        routes.on(RedFlagsRoute.progress, use: progress)
        routes.on(RedFlagsRoute.process, use: process)
        routes.on(RedFlagsRoute.csv, use: csv)
        routes.on(RedFlagsRoute.json, use: json)
        routes.on(RedFlagsRoute.methodology, use: methodology)
        routes.on(RedFlagsRoute.indicator, use: indicator)
        routes.on(RedFlagsRoute.validate, use: validate)
    }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.list, .redFlags)
        return try await req.page(try await indexPage(req, error: nil, problems: [], settings: ""))
    }

    private func indexPage(_ req: Request, error: String?, problems: [String], settings: String) async throws -> RedFlagIndexPage {
        let runs = try await RedFlagRun.query(on: req.db).sort(\.$startedAt, .descending).limit(50).all()
        let jobs = try await JobRecord.unfinished(.redFlags, subjects: runs.map { try $0.requireID() }, on: req.db)
        return try RedFlagIndexPage(runs: runs, progress: jobs.mapValues(RedFlagProgress.init), error: error, problems: problems, settings: settings,
                                    maxUpload: req.application.configuration.redFlagsMaxUpload,
                                    text: req)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        try req.authorize(.create, .redFlags)
        var settings = ""
        do {
            let upload = try await RedFlagRunService.receive(req)
            settings = upload.fields["settings"] ?? ""
            let run = try await RedFlagRunService(app: req.application).start(
                upload, fileName: upload.fileName ?? "", settingsText: settings, user: try req.requireUser())
            return req.redirect(to: RedFlagsRoute.run.link(try run.requireID()))
        } catch let refusal as RedFlagRunService.Refusal {
            return try await req.page(try await indexPage(req, error: refusal.message(req), problems: refusal.problems(req), settings: settings),
                                      status: refusal.status)
        }
    }

    @Sendable func run(req: Request) async throws -> View {
        try await req.page(try await runPage(req, try await Self.find(req), refusal: nil))
    }

    private func runPage(_ req: Request, _ run: RedFlagRun, refusal: RedFlagValidationService.Refusal?) async throws -> RedFlagRunPage {
        let results = run.status == .completed ? try StoredRedFlagResults(run) : nil
        let validation = try await RedFlagValidationService(app: req.application).validation(of: run)
        return try RedFlagRunPage(run: run, progress: try await RedFlagProgress.of(run.requireID(), on: req.db), results: results,
                                  validation: validation, refusal: refusal, text: req)
    }

    /// Labels sent as a file; the run's page comes back with the check, or with why the labels could not be used.
    @Sendable func validate(req: Request) async throws -> Response {
        let run = try await Self.find(req)
        try req.authorize(.create, .redFlags)
        struct Form: Content { var labels: File? }
        let file = try req.content.decode(Form.self).labels
        do {
            let text = file.map { String(decoding: $0.data.readableBytesView, as: UTF8.self) } ?? ""
            _ = try await RedFlagValidationService(app: req.application)
                .validate(text, fileName: file?.filename ?? "", run: run, by: try req.requireUser())
            req.flash("redflags.validation.done")
            return req.redirect(to: RedFlagsRoute.run.link(try run.requireID()) + "#validation-heading")
        } catch let refusal as RedFlagValidationService.Refusal {
            return try await req.page(try await runPage(req, run, refusal: refusal), status: refusal.status)
        }
    }

    struct ProgressBody: Content {
        let status: String
        let percent: Int
        let message: String
    }

    @Sendable func progress(req: Request) async throws -> ProgressBody {
        let run = try await Self.find(req)
        let state = RedFlagRunState(run, progress: try await RedFlagProgress.of(run.requireID(), on: req.db), text: req)
        return ProgressBody(status: state.running ? "running" : run.status.rawValue, percent: state.percent, message: state.message)
    }

    @Sendable func process(req: Request) async throws -> View {
        let run = try await Self.find(req)
        guard let ocid = req.query[String.self, at: "ocid"], let results = try StoredRedFlagResults(run),
              let page = try RedFlagProcessPage(ocid, run: run, results: results, text: req) else { throw AppError.notFound }
        return try await req.page(page)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let run = try await Self.find(req)
        guard let results = try StoredRedFlagResults(run) else { throw AppError.notFound }
        return CSVExport.response(results.csvLines, name: "red-flags-\(try run.requireID().uuidString.lowercased()).csv")
    }

    @Sendable func json(req: Request) async throws -> Response {
        let run = try await Self.find(req)
        guard let results = run.results, let risk = run.risk else { throw AppError.notFound }
        var caveat = ""
        JSONWriter.quote(RedFlags.caveat, to: &caveat)
        let body = "{\"caveat\":\(caveat),\"results\":\(results),\"risk\":\(risk)}"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"red-flags-\(try run.requireID().uuidString.lowercased()).json\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    @Sendable func methodology(req: Request) async throws -> View {
        try req.authorize(.read, .redFlags)
        return try await req.page(RedFlagMethodologyPage(text: req))
    }

    @Sendable func indicator(req: Request) async throws -> View {
        try req.authorize(.read, .redFlags)
        guard let code = req.parameters.get("code"), let page = RedFlagIndicatorPage(code, text: req) else { throw AppError.notFound }
        return try await req.page(page)
    }

    static func find(_ req: Request) async throws -> RedFlagRun {
        let run = try await req.load(RedFlagRun.self, for: .read)
        return run
    }
}
