import BeneficialOwnership
import ExchangeCore
import Vapor

/// The registry over JSON: search, a record with its computed owners, the BODS export, and imports.
struct APIRegistryController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIRegistryRoute.search, use: search)
        routes.on(APIRegistryRoute.record, use: record)
        routes.on(APIRegistryRoute.statements, use: statements)
        routes.on(APIRegistryRoute.importStatements, use: importStatements)
    }

    @Sendable func search(req: Request) async throws -> [RegistryPartyDTO] {
        guard let query = req.query[String.self, at: "q"] else { throw AppError.validation([FieldError("q", .required)]) }
        return try await req.registry.ownershipRegistry.search(query).map(RegistryPartyDTO.init)
    }

    @Sendable func record(req: Request) async throws -> RegistryRecordDTO {
        guard let id = req.parameters.get("recordID"), let profile = try await req.registry.ownershipRegistry.profile(id) else {
            throw AppError.notFound
        }
        return RegistryRecordDTO(profile)
    }

    @Sendable func statements(req: Request) async throws -> Response {
        try await RegistryController.statementsResponse(req)
    }

    @Sendable func importStatements(req: Request) async throws -> Response {
        try req.authorize(.create, .ownershipRegistry)
        do {
            let upload = try await FileRefusal.receive(req, limit: req.application.configuration.conflictDataMaxUpload)
            defer { try? FileManager.default.removeItem(at: upload.url) }
            let bytes = try await req.application.threadPool.runIfActive { Array(try Data(contentsOf: upload.url)) }
            let dryRun = upload.fields["dryRun"].map { $0 == "true" || $0 == "1" } ?? false
            guard let format = RegistryFileFormat(rawValue: upload.fields["format"] ?? "bods") else {
                throw AppError.validation([FieldError("format", .invalidChoice)])
            }
            let outcome = try await req.registry.ownershipImports.importFile(
                bytes, format: format, fileName: upload.fields["fileName"] ?? "api", digest: upload.digest,
                actor: .user(try req.requireUser().requireID()), userID: req.principal?.userID, dryRun: dryRun)
            return try await RegistryImportDTO(outcome).encodeResponse(status: outcome.added > 0 ? .created : .ok, for: req)
        } catch let refusal as FileRefusal {
            let body = RegistryRefusalDTO(error: .init(code: refusal.key("registry"), message: refusal.message(req, "registry"), problems: [],
                                                       problemCount: 0))
            return try await body.encodeResponse(status: refusal.status, for: req)
        } catch let refusal as OwnershipImportService.Refusal {
            let body = RegistryRefusalDTO(error: .init(
                code: "invalid_data", message: req.t("registry.error.problems_api", req.number(refusal.count)),
                problems: refusal.problems.map {
                    RegistryProblemDTO(line: $0.line, item: $0.item, pointer: $0.pointer, rule: $0.rule, message: $0.message(req))
                },
                problemCount: refusal.count))
            return try await body.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
