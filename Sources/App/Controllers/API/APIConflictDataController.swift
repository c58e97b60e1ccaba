import ExchangeCore
import Fluent
import Vapor

/// OCDS and BODS imports for conflict screening over JSON, for programme staff and analysts.
struct APIConflictDataController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let allowed = routes.grouped(access: ConflictDataController.access)
        allowed.get("conflict-data", "imports", use: list)
        allowed.post("conflict-data", "imports", upTo: ConflictDataController.maxUpload, use: create)
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
        let input = try req.content.decode(ImportInput.self)
        var errors: [FieldError] = []
        let kind = input.kind.flatMap(DataImport.Kind.init(rawValue:))
        if kind == nil { errors.append(FieldError("kind", .invalidChoice)) }
        if (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append(FieldError("text", .required)) }
        guard errors.isEmpty, let kind, let text = input.text else { throw AppError.validation(errors) }
        do {
            let outcome = try await req.conflictData.importFile(kind, text: text, fileName: input.fileName ?? "api",
                                                                actor: .user(try req.requireUser().id!), userID: req.principal?.userID,
                                                                dryRun: input.dryRun == true)
            let dto = ImportDTO(outcome.dataImport, reopened: outcome.reopened)
            return try await dto.encodeResponse(status: input.dryRun == true ? .ok : .created, for: req)
        } catch let refusal as ConflictDataImportService.Refusal {
            let catalogs = req.application.catalogs
            let body = RefusalDTO(error: .init(
                code: "invalid_data", message: req.t("conflict_data.error.problems_api", String(refusal.problems.count)),
                problems: refusal.problems.map {
                    ProblemDTO(line: $0.line, item: $0.item, code: $0.code, message: $0.message(catalogs, req.language))
                }))
            return try await body.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
