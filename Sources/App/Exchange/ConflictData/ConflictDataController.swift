import ExchangeCore
import Fluent
import Vapor

/// Staff and analysts upload OCDS and BODS files that the conflict screening of every match then draws on.
struct ConflictDataController: RouteCollection {
    static let access = RouteAccess.roles([.coordinator, .administrator, .analyst])

    func boot(routes: RoutesBuilder) throws {
        routes.on(ConflictDataRoute.show, use: show)
        routes.on(ConflictDataRoute.upload, use: upload)
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.list, .conflictData)
        return try await req.page(try await page(req, kind: nil, refusal: nil))
    }

    /// The file streams to disk as it arrives, whatever its size; the form's one-time token cannot be compared
    /// before the file is read, so a double click is recognised by the file's digest instead.
    @Sendable func upload(req: Request) async throws -> Response {
        try req.authorize(.create, .conflictData)
        var kind: DataImport.Kind?
        var fileName = ""
        do {
            let upload = try await FileRefusal.receive(req, limit: req.application.configuration.conflictDataMaxUpload)
            defer { try? FileManager.default.removeItem(at: upload.url) }
            kind = upload.fields["kind"].flatMap(DataImport.Kind.init(rawValue:))
            fileName = upload.fileName ?? ""
            guard let kind else { return try await refuse(req, kind: nil, error: req.t("conflict_data.error.kind")) }
            guard upload.bytes > 0 else { return try await refuse(req, kind: kind, error: req.t("conflict_data.error.no_file")) }
            let outcome = try await req.registry.conflictData.importFile(
                kind, file: upload.url, digest: upload.digest, fileName: fileName, actor: .user(try req.requireUser().requireID()),
                userID: req.principal?.userID)
            req.flash("conflict_data.imported.\(kind.rawValue)", String(outcome.dataImport.items), String(outcome.dataImport.rows),
                      String(outcome.reopened))
            return req.redirect(to: ConflictDataRoute.show.link())
        } catch let refusal as FileRefusal {
            return try await refuse(req, kind: kind, error: refusal.message(req, ConflictDataImportService.namespace), status: refusal.status)
        } catch let refusal as ConflictDataImportService.Refusal {
            let error = req.t("conflict_data.error.problems", req.number(refusal.count), fileName)
            return try await req.page(try await page(req, kind: kind, refusal: .init(error: error, problems: refusal.problems, count: refusal.count)),
                                      status: .unprocessableEntity)
        }
    }

    private func refuse(_ req: Request, kind: DataImport.Kind?, error: String,
                        status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        try await req.page(try await page(req, kind: kind, refusal: .init(error: error)), status: status)
    }

    private func page(_ req: Request, kind: DataImport.Kind?, refusal: ConflictDataPage.Refusal?) async throws -> ConflictDataPage {
        ConflictDataPage(imports: try await DataImport.query(on: req.db).sort(\.$createdAt, .descending).limit(50).all(), kind: kind, refusal: refusal,
                         text: req)
    }
}
