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

    struct ImportRow: Encodable {
        let kind: String
        let fileName: String
        let items: Int
        let rows: Int
        let importedAt: String
    }

    struct ProblemRow: Encodable {
        let place: String
        let message: String
    }

    struct PageContent: Encodable {
        let kinds: [Option]
        let imports: [ImportRow]
        let problems: [ProblemRow]
        let problemCount: Int
        let error: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.list, .conflictData)
        return try await req.page("conflict_data", title: "conflict_data.title", try await content(req, kind: nil))
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
            let catalogs = req.application.catalogs
            let base = try await content(req, kind: kind)
            let content = PageContent(kinds: base.kinds, imports: base.imports,
                                      problems: refusal.problems.prefix(100).map {
                                          ProblemRow(place: $0.place(catalogs, req.language), message: $0.message(catalogs, req.language))
                                      },
                                      problemCount: refusal.count,
                                      error: req.t("conflict_data.error.problems", req.number(refusal.count), fileName))
            return try await req.page("conflict_data", title: "conflict_data.title", content, status: .unprocessableEntity)
        }
    }

    private func refuse(_ req: Request, kind: DataImport.Kind?, error: String,
                        status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let base = try await content(req, kind: kind)
        return try await req.page("conflict_data", title: "conflict_data.title",
                                  PageContent(kinds: base.kinds, imports: base.imports, problems: [], problemCount: 0, error: error),
                                  status: status)
    }

    private func content(_ req: Request, kind: DataImport.Kind?) async throws -> PageContent {
        let imports = try await DataImport.query(on: req.db).sort(\.$createdAt, .descending).limit(50).all()
        return PageContent(
            kinds: Option.cases(DataImport.Kind.allCases, labels: "conflict_data.kind", selected: kind?.rawValue, req),
            imports: imports.map {
                ImportRow(kind: req.t("conflict_data.kind.\($0.kind.rawValue)"), fileName: $0.fileName, items: $0.items, rows: $0.rows,
                          importedAt: $0.createdAt.formatted(.iso8601))
            },
            problems: [], problemCount: 0, error: nil)
    }
}
