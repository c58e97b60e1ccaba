import ExchangeCore
import Fluent
import Vapor

/// OCDS and BODS imports for conflict screening, for programme staff and analysts: the file as the body (gzip
/// allowed, streamed to disk, any size up to `CONFLICT_DATA_MAX_UPLOAD`) with `kind` in the query, or small text in
/// JSON.
struct APIConflictDataController: RouteCollection {
    /// JSON bodies carry the file as text, so they are held in memory: small files only.
    static let maxJSONBody = 50 << 20

    func boot(routes: RoutesBuilder) throws {
        routes.on(APIConflictDataRoute.list, use: list)
        routes.on(APIConflictDataRoute.create, use: create)
    }

    struct ImportInput: Content {
        /// `ocds` or `bods`.
        var kind: String?
        /// The file's text: JSON Lines, or one JSON document.
        var text: String?
        var fileName: String?
        var dryRun: Bool?
    }

    struct ProblemDTO: Content {
        let line: Int
        let item: Int?
        let code: String
        let message: String
    }

    struct ImportDTO: Content {
        let id: UUID?
        let kind: String
        let fileName: String
        let items: Int
        let rows: Int
        let createdAt: Date
        /// Only on the answer to an import: matches whose cleared due diligence the data reopened.
        let reopened: Int?

        init(_ record: DataImport, reopened: Int? = nil) {
            id = record.id
            kind = record.kind.rawValue
            fileName = record.fileName
            items = record.items
            rows = record.rows
            createdAt = record.createdAt
            self.reopened = reopened
        }
    }

    struct RefusalDTO: Content {
        struct Body: Content {
            let code: String
            let message: String
            let problems: [ProblemDTO]
            /// Every problem found; `problems` lists the first thousand.
            let problemCount: Int
        }
        let error: Body
    }

    @Sendable func list(req: Request) async throws -> PageDTO<ImportDTO> {
        try req.authorize(.list, .conflictData)
        let paging = try PageRequest(req)
        let total = try await DataImport.query(on: req.db).count()
        let items = try await DataImport.query(on: req.db).sort(\.$createdAt, .descending).range(paging.range).all().map { ImportDTO($0) }
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.create, .conflictData)
        do {
            let (upload, input) = try await Self.receive(req)
            defer { try? FileManager.default.removeItem(at: upload.url) }
            var errors: [FieldError] = []
            let kind = input.kind.flatMap(DataImport.Kind.init(rawValue:))
            if kind == nil { errors.append(FieldError("kind", .invalidChoice)) }
            if upload.bytes == 0 || input.text?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
                errors.append(FieldError("text", .required))
            }
            guard errors.isEmpty, let kind else { throw AppError.validation(errors) }
            let outcome = try await req.registry.conflictData.importFile(kind, file: upload.url, digest: upload.digest, fileName: input.fileName ?? "api",
                                                                actor: .user(try req.requireUser().requireID()), userID: req.principal?.userID,
                                                                dryRun: input.dryRun == true)
            let dto = ImportDTO(outcome.dataImport, reopened: outcome.reopened)
            return try await dto.encodeResponse(status: input.dryRun == true || outcome.isRepeat ? .ok : .created, for: req)
        } catch let refusal as FileRefusal {
            let namespace = ConflictDataImportService.namespace
            let body = RefusalDTO(error: .init(code: refusal.key(namespace), message: refusal.message(req, namespace), problems: [],
                                               problemCount: 0))
            return try await body.encodeResponse(status: refusal.status, for: req)
        } catch let refusal as ConflictDataImportService.Refusal {
            let catalogs = req.application.catalogs
            let body = RefusalDTO(error: .init(
                code: "invalid_data", message: req.t("conflict_data.error.problems_api", req.number(refusal.count)),
                problems: refusal.problems.map {
                    ProblemDTO(line: $0.line, item: $0.item, code: $0.code, message: $0.message(catalogs, req.language))
                },
                problemCount: refusal.count))
            return try await body.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// The file and its kind and name: from a JSON body's fields, or else the raw body and the query.
    private static func receive(_ req: Request) async throws -> (StreamedUpload, ImportInput) {
        guard req.headers.contentType == .json else {
            let upload = try await FileRefusal.receive(req, limit: req.application.configuration.conflictDataMaxUpload)
            let fields = upload.fields
            return (upload, ImportInput(kind: fields["kind"], text: nil, fileName: fields["fileName"],
                                        dryRun: fields["dryRun"].map { $0 == "true" || $0 == "1" }))
        }
        do {
            _ = try await req.body.collect(max: maxJSONBody).get()
        } catch {
            throw FileRefusal.tooLarge(limit: maxJSONBody)
        }
        let input = try req.content.decode(ImportInput.self)
        let upload = try await StreamedUpload.store(Array((input.text ?? "").utf8), req, into: req.application.configuration.uploadsDirectory)
        return (upload, input)
    }
}
