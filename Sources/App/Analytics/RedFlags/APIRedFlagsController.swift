import ExchangeCore
import Fluent
import RedFlags
import Vapor

/// Red-flag runs for scripts: upload an OCDS file (its bytes as the body, gzip allowed, streamed to disk; or small
/// text in JSON), poll the run, read its counts and top scores; the full results are the web export
/// (`/red-flags/runs/{id}/results.json`).
struct APIRedFlagsController: RouteCollection {
    /// JSON bodies carry the file as text, so they are held in memory: small files only.
    static let maxJSONBody = 50 << 20

    func boot(routes: RoutesBuilder) throws {
        routes.on(APIRedFlagsRoute.list, use: list)
        routes.on(APIRedFlagsRoute.create, use: create)
        routes.on(APIRedFlagsRoute.show, use: show)
    }

    struct RunInput: Content {
        /// The OCDS file's text: compiled releases one per line, or a release or record package.
        var text: String?
        var fileName: String?
        /// Cardinal's INI settings; empty or absent runs every indicator with its defaults.
        var settings: String?
    }

    struct RunDTO: Content {
        let id: UUID
        let status: String
        let fileName: String
        let processes: Int
        let percent: Int
        let flagsByIndicator: [String: Int]?
        let topProcesses: [ProcessDTO]?
        let failure: String?
        let caveat: String
    }

    struct ProcessDTO: Content {
        let ocid: String
        let score: Double
        let flags: [String]
    }

    struct RefusalDTO: Content {
        struct Body: Content {
            let code: String
            let message: String
            let problems: [String]
        }
        let error: Body
    }

    @Sendable func list(req: Request) async throws -> [RunDTO] {
        try req.authorize(.list, .redFlags)
        var runs: [RunDTO] = []
        for run in try await RedFlagRun.query(on: req.db).sort(\.$startedAt, .descending).limit(100).all() {
            runs.append(try await dto(run, req, detail: false))
        }
        return runs
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.create, .redFlags)
        do {
            let (upload, input) = try await Self.receive(req)
            let run = try await RedFlagRunService(app: req.application).start(
                upload, fileName: input.fileName ?? "api", settingsText: input.settings ?? "", user: try req.requireUser())
            let response = try await dto(run, req, detail: false).encodeResponse(status: .accepted, for: req)
            response.headers.replaceOrAdd(name: .location, value: APIRedFlagsRoute.show.link(try run.requireID()))
            return response
        } catch let refusal as RedFlagRunService.Refusal {
            return try await RefusalDTO(error: .init(code: refusal.key, message: refusal.message(req), problems: refusal.problems(req)))
                .encodeResponse(status: refusal.status, for: req)
        }
    }

    /// The file and its name and settings: from a JSON body's fields, or else the raw body and the query.
    private static func receive(_ req: Request) async throws -> (StreamedUpload, RunInput) {
        guard req.headers.contentType == .json else {
            let upload = try await RedFlagRunService.receive(req)
            return (upload, RunInput(text: nil, fileName: upload.fields["fileName"], settings: upload.fields["settings"]))
        }
        do {
            _ = try await req.body.collect(max: maxJSONBody).get()
        } catch {
            throw RedFlagRunService.Refusal.file(.tooLarge(limit: maxJSONBody))
        }
        let input = try req.content.decode(RunInput.self)
        let upload = try await StreamedUpload.store(Array((input.text ?? "").utf8), req, into: req.application.configuration.uploadsDirectory)
        return (upload, input)
    }

    @Sendable func show(req: Request) async throws -> RunDTO {
        try await dto(try await RedFlagsController.find(req), req, detail: true)
    }

    private func dto(_ run: RedFlagRun, _ req: Request, detail: Bool) async throws -> RunDTO {
        let state = RedFlagRunState(run, progress: try await RedFlagProgress.of(run.requireID(), on: req.db), text: req)
        let results = detail ? try StoredRedFlagResults(run) : nil
        return RunDTO(
            id: try run.requireID(), status: state.status.rawValue, fileName: run.fileName, processes: run.processes,
            percent: state.percent,
            flagsByIndicator: results.map { Dictionary(uniqueKeysWithValues: $0.countsByCode.map { ($0.code, $0.count) }) },
            topProcesses: results.map { $0.processes.prefix(20).map { ProcessDTO(ocid: $0.ocid, score: $0.score, flags: $0.codes) } },
            failure: run.failure, caveat: RedFlags.caveat)
    }
}
