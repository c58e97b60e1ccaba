import BeneficialOwnership
import ExchangeCore
import Fluent
import Vapor

/// The public registry (search, a record's owners and chain, open-data downloads) and the import page.
struct RegistryController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(RegistryRoute.search, use: search)
        routes.on(RegistryRoute.record, use: record)
        routes.on(RegistryRoute.statements, use: statements)
        routes.on(RegistryRoute.ownersCSV, use: ownersCSV)
        routes.on(RegistryRoute.importForm, use: importForm)
        routes.on(RegistryRoute.upload, use: upload)
    }

    @Sendable func search(req: Request) async throws -> View {
        let query = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let results = query.isEmpty ? [] : try await req.registry.ownershipRegistry.search(query)
        let canImport = req.principal.map { RegistryRoute.importers.evaluate($0) == .allowed } ?? false
        return try await req.page(RegistrySearchPage(query: query, results: results, canImport: canImport, text: req))
    }

    @Sendable func record(req: Request) async throws -> View {
        guard let id = req.parameters.get("recordID"), let profile = try await req.registry.ownershipRegistry.profile(id) else {
            throw AppError.notFound
        }
        return try await req.page(RegistryRecordPage(profile, text: req))
    }

    @Sendable func statements(req: Request) async throws -> Response {
        try await Self.statementsResponse(req)
    }

    @Sendable func ownersCSV(req: Request) async throws -> Response {
        let registry = req.registry.ownershipRegistry
        return CSVExport.response(RegistryExport.ownersCSV(try await registry.current(), threshold: registry.threshold), name: "owners.csv")
    }

    @Sendable func importForm(req: Request) async throws -> View {
        try req.authorize(.create, .ownershipRegistry)
        return try await req.page(try await importPage(req, refusal: nil))
    }

    @Sendable func upload(req: Request) async throws -> Response {
        try req.authorize(.create, .ownershipRegistry)
        var fileName = ""
        do {
            let upload = try await FileRefusal.receive(req, limit: req.application.configuration.conflictDataMaxUpload)
            defer { try? FileManager.default.removeItem(at: upload.url) }
            fileName = upload.fileName ?? ""
            guard upload.bytes > 0 else { return try await refuse(req, error: req.t("registry.error.no_file")) }
            let bytes = try await req.application.threadPool.runIfActive { Array(try Data(contentsOf: upload.url)) }
            let format = upload.fields["format"].flatMap(RegistryFileFormat.init(rawValue:)) ?? .bods
            let outcome = try await req.registry.ownershipImports.importFile(
                bytes, format: format, fileName: fileName, digest: upload.digest, actor: .user(try req.requireUser().requireID()),
                userID: req.principal?.userID)
            req.flash("registry.imported", req.number(outcome.read), req.number(outcome.added))
            return req.redirect(to: RegistryRoute.importForm.link())
        } catch let refusal as FileRefusal {
            return try await refuse(req, error: refusal.message(req, "registry"), status: refusal.status)
        } catch let refusal as OwnershipImportService.Refusal {
            let error = req.t("registry.error.problems", req.number(refusal.count), fileName)
            return try await req.page(try await importPage(req, refusal: .init(error: error, problems: refusal.problems, count: refusal.count)),
                                      status: .unprocessableEntity)
        }
    }

    /// The whole registry as one BODS 0.4 array, for the page's download and the API alike.
    static func statementsResponse(_ req: Request) async throws -> Response {
        let body = RegistryExport.statementsJSON(try await req.registry.ownershipRegistry.allStatements())
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"statements.json\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    private func refuse(_ req: Request, error: String, status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        try await req.page(try await importPage(req, refusal: .init(error: error)), status: status)
    }

    private func importPage(_ req: Request, refusal: RegistryImportPage.Refusal?) async throws -> RegistryImportPage {
        RegistryImportPage(imports: try await OwnershipImport.query(on: req.db).sort(\.$createdAt, .descending).limit(50).all(), refusal: refusal, text: req)
    }
}
