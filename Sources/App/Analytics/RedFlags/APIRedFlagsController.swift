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
        routes.on(APIRedFlagsRoute.validation, use: validation)
        routes.on(APIRedFlagsRoute.validate, use: validate)
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

    struct ValidationInput: Content {
        /// CSV text: `ocid,label` lines, 1 for known corrupt, 0 for the others; a header line is optional.
        var labels: String
        var fileName: String?
    }

    struct ValidationDTO: Content {
        struct Row: Content {
            let indicator: String
            let flaggedTreatment: Int
            let flaggedControl: Int
            let prevalenceTreatment: Double
            let prevalenceControl: Double
            let oddsRatio: Double
            let lower: Double
            let upper: Double
            let coefficient: Double
            let impact: String
        }

        let run: UUID
        let fileName: String
        let treatment: Int
        let control: Int
        let missing: Int
        let validatedAt: Date
        let rows: [Row]
        let caveat: String

        init(_ kept: RedFlagValidation) {
            (run, fileName, treatment, control, missing) = (kept.$run.id, kept.fileName, kept.treatment, kept.control, kept.missing)
            validatedAt = kept.validatedAt
            rows = kept.rows.map {
                Row(indicator: $0.code, flaggedTreatment: $0.flaggedTreatment, flaggedControl: $0.flaggedControl,
                    prevalenceTreatment: $0.prevalenceTreatment, prevalenceControl: $0.prevalenceControl, oddsRatio: $0.oddsRatio,
                    lower: $0.lower, upper: $0.upper, coefficient: $0.coefficient, impact: $0.impact.rawValue)
            }
            caveat = RedFlags.caveat
        }
    }

    @Sendable func validation(req: Request) async throws -> ValidationDTO {
        let run = try await RedFlagsController.find(req)
        guard let kept = try await RedFlagValidationService(app: req.application).validation(of: run) else { throw AppError.notFound }
        return ValidationDTO(kept)
    }

    @Sendable func validate(req: Request) async throws -> Response {
        let run = try await RedFlagsController.find(req)
        try req.authorize(.create, .redFlags)
        let input = try req.content.decode(ValidationInput.self)
        do {
            let kept = try await RedFlagValidationService(app: req.application)
                .validate(input.labels, fileName: input.fileName ?? "api", run: run, by: try req.requireUser())
            return try await ValidationDTO(kept).encodeResponse(for: req)
        } catch let refusal as RedFlagValidationService.Refusal {
            return try await RefusalDTO(error: .init(code: refusal.key, message: refusal.message(req), problems: refusal.problems(req)))
                .encodeResponse(status: refusal.status, for: req)
        }
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
