import ExchangeCore
import Fluent
import RedFlags
import Vapor

/// Red-flag runs for scripts: upload OCDS text, poll the run, read its counts and top scores; the full results are
/// the web export (`/red-flags/runs/{id}/results.json`).
struct APIRedFlagsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let allowed = routes.grouped(access: RedFlagsController.access)
        allowed.get("red-flags", "runs", use: list)
        allowed.post("red-flags", "runs", upTo: RedFlagsController.maxUpload, use: create)
        allowed.get("red-flags", "runs", ":id", use: show)
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
        let input = try req.content.decode(RunInput.self)
        guard let text = input.text, !text.isEmpty else {
            return try await refuse(req, code: "redflags.error.no_file", message: req.t("redflags.error.no_file"), problems: [])
        }
        do {
            let run = try await RedFlagRunService(app: req.application).start(
                bytes: Array(text.utf8), fileName: input.fileName ?? "api", settingsText: input.settings ?? "", user: try req.requireUser())
            let response = try await dto(run, req, detail: false).encodeResponse(status: .accepted, for: req)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/red-flags/runs/\(run.id!.uuidString.lowercased())")
            return response
        } catch let refusal as RedFlagRunService.Refusal {
            return try await refuse(req, code: refusal.key, message: refusal.message(req), problems: refusal.problems(req))
        }
    }

    private func refuse(_ req: Request, code: String, message: String, problems: [String]) async throws -> Response {
        try await RefusalDTO(error: .init(code: code, message: message, problems: problems)).encodeResponse(status: .unprocessableEntity, for: req)
    }

    @Sendable func show(req: Request) async throws -> RunDTO {
        try await dto(try await RedFlagsController.find(req), req, detail: true)
    }

    private func dto(_ run: RedFlagRun, _ req: Request, detail: Bool) async throws -> RunDTO {
        let state = try await RedFlagPages.state(run, req)
        let results = detail ? StoredRedFlagResults(run) : nil
        return RunDTO(
            id: run.id!, status: state.status.rawValue, fileName: run.fileName, processes: run.processes,
            percent: state.percent,
            flagsByIndicator: results.map { Dictionary(uniqueKeysWithValues: $0.countsByCode.map { ($0.code, $0.count) }) },
            topProcesses: results.map { $0.processes.prefix(20).map { ProcessDTO(ocid: $0.ocid, score: $0.score, flags: $0.codes) } },
            failure: run.failure, caveat: RedFlags.caveat)
    }
}
