import ExchangeCore
import Fluent
import Vapor

/// The Terms of Reference of a match: the builder, versions with their diffs, the three signatures, and exports
/// as print-ready HTML, JSON and PDF.
struct TermsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(TermsRoute.show, use: show)
        routes.on(TermsRoute.save, use: save)
        routes.on(TermsRoute.sign, use: sign)
        routes.on(TermsRoute.version, use: version)
        routes.on(TermsRoute.exportHTML, use: exportHTML)
        routes.on(TermsRoute.exportJSON, use: exportJSON)
        routes.on(TermsRoute.exportPDF, use: exportPDF)
        routes.on(TermsRoute.start, use: start)
    }

    struct VersionLink: Encodable {
        let number: Int
        let href: String
        let date: String
        let signatures: Int
    }

    struct ShowPage: Encodable {
        let matchHref: String
        let needTitle: String
        let stage: String
        let current: TermsText?
        let currentHref: String?
        let versions: [VersionLink]
        let signAction: String?
        let signingAs: String?
        let exports: [Option]
        let editAction: String?
        let builder: TermsForm.Builder?
        let values: [String]
        let form: FormState
    }

    @Sendable func show(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        let versions = try await req.registry.terms.versions(of: match)
        let draft: TermsOfReferenceDraft
        if let terms = versions.first?.terms {
            draft = TermsOfReferenceDraft(terms)
        } else {
            draft = try await req.registry.terms.firstDraft(match, coordinator: req.principal!.role.managesProgramme ? try req.requireUser() : nil)
        }
        return try await page(req, match, versions: versions, draft: draft, form: FormState())
    }

    @Sendable func save(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        let body = try req.content.decode([String: String].self)
        let draft = TermsForm.draft(from: body)
        switch draft.validate(req.registry.terms.context(match)) {
        case .failure(let failure):
            let versions = try await req.registry.terms.versions(of: match)
            return try await page(req, match, versions: versions, draft: draft, form: FormState(values: body, errors: TermsForm.fields.formErrors(failure.errors), on: req))
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let terms):
            if let version = try await req.registry.terms.save(terms, on: match, by: try req.requireUser()) {
                req.flash("terms.saved", String(version.number))
            } else {
                req.flash("terms.unchanged")
            }
            return req.redirect(to: TermsRoute.show.link(try match.engagement.requireID()))
        }
    }

    @Sendable func sign(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        guard let side = match.termsSide(of: req.principal!) else { throw AppError.forbidden }
        let complete = try await req.registry.terms.sign(match, as: side, by: try req.requireUser())
        req.flash(complete ? "terms.signed_by_all" : "terms.signed")
        return req.redirect(to: TermsRoute.show.link(try match.engagement.requireID()))
    }

    @Sendable func version(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        let versions = try await req.registry.terms.versions(of: match)
        guard let number = req.parameters.get("number").flatMap(Int.init),
              let index = versions.firstIndex(where: { $0.number == number }) else { throw AppError.notFound }
        let terms = versions[index].terms
        let previous = versions.indices.contains(index + 1) ? versions[index + 1].terms : nil
        struct VersionPage: Encodable {
            let termsHref: String
            let text: TermsText
            let previous: Int?
            let changes: [TermsText.Change]
        }
        return try await req.page("terms_version", title: "terms.version_title", VersionPage(
            termsHref: TermsRoute.show.link(try match.engagement.requireID()), text: TermsText(terms, version: versions[index], match: match, req),
            previous: previous == nil ? nil : number - 1, changes: TermsText.changes(from: previous, to: terms, req)))
    }

    @Sendable func start(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        try await req.registry.terms.start(match, by: try req.requireUser())
        req.flash("engagement.started")
        return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
    }

    // MARK: - Exports

    @Sendable func exportHTML(req: Request) async throws -> Response {
        let (match, version, terms) = try await exported(req)
        let html = try await printable(req, match, version, terms, stylesheet: "/css/print.css")
        return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
    }

    @Sendable func exportJSON(req: Request) async throws -> Response {
        let (match, version, terms) = try await exported(req)
        struct Export: Content {
            let match: UUID
            let need: String
            let version: Int
            let createdAt: Date
            let signatures: [String: Date]
            let terms: TermsOfReference
        }
        let export = Export(match: try match.engagement.requireID(), need: match.need.title, version: version.number, createdAt: version.createdAt,
                            signatures: Dictionary(version.signatures.map { ($0.side.rawValue, $0.signedAt) }, uniquingKeysWith: { a, _ in a }),
                            terms: terms)
        let response = try await export.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"terms-v\(version.number).json\"")
        return response
    }

    @Sendable func exportPDF(req: Request) async throws -> Response {
        let (match, version, terms) = try await exported(req)
        return try await req.pdfResponse(html: try await printable(req, match, version, terms, stylesheet: "print.css"),
                                         filename: "terms-v\(version.number).pdf")
    }

    /// The version asked for (`?version=`), or the current one.
    private func exported(_ req: Request) async throws -> (ProposedMatches.Loaded, TermsVersion, TermsOfReference) {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        let versions = try await req.registry.terms.versions(of: match)
        let wanted = req.query[Int.self, at: "version"]
        guard let version = wanted.map({ n in versions.first { $0.number == n } }) ?? versions.first else {
            throw AppError.notFound
        }
        return (match, version, version.terms)
    }

    private func printable(_ req: Request, _ match: ProposedMatches.Loaded, _ version: TermsVersion, _ terms: TermsOfReference,
                           stylesheet: String) async throws -> String {
        // The same `page` and `content` shape as every page, so the shared partial and `#t` work unchanged.
        struct Head: Encodable { let lang: String; let title: String; let stylesheet: String }
        struct Content: Encodable { let text: TermsText }
        struct PrintPage: Encodable { let page: Head; let content: Content }
        let view = try await req.view.render("terms_print", PrintPage(
            page: Head(lang: req.language.rawValue, title: req.t("terms.document_title", match.need.title), stylesheet: stylesheet),
            content: Content(text: TermsText(terms, version: version, match: match, req))))
        return String(buffer: view.data)
    }
    private func page(_ req: Request, _ match: ProposedMatches.Loaded, versions: [TermsVersion], draft: TermsOfReferenceDraft,
                      form: FormState) async throws -> View {
        let id = try match.engagement.requireID()
        let stage = match.engagement.stage
        let principal = req.principal!
        let canEdit = AccessPolicy.decide(principal, .update, match.protected.terms).isAllowed && [.torDrafting, .torSigned].contains(stage)
        let current = versions.first
        let side = match.termsSide(of: principal)
        let unsigned = side.map { side in !(current?.signatures.contains { $0.side == side } ?? true) } ?? false
        let exports = current == nil ? [] : [("html", TermsRoute.exportHTML), ("json", TermsRoute.exportJSON), ("pdf", TermsRoute.exportPDF)].map { format, route in
            Option(value: route.link(id), label: req.t("terms.export.\(format)"), selected: false)
        }
        return try await req.page("terms", title: "terms.title", ShowPage(
            matchHref: MatchRoute.show.link(id), needTitle: match.need.title, stage: req.t("engagement.stage.\(stage.rawValue)"),
            current: current.map { TermsText($0.terms, version: $0, match: match, req) },
            currentHref: current.map { TermsRoute.version.link(id, $0.number) },
            versions: versions.map {
                VersionLink(number: $0.number, href: TermsRoute.version.link(id, $0.number), date: CalendarDay.text($0.createdAt),
                            signatures: $0.signatures.count)
            },
            signAction: stage == .torDrafting && current != nil && unsigned && canEdit ? TermsRoute.sign.link(id) : nil,
            signingAs: side.map { req.t("terms.side.\($0.rawValue)") },
            exports: exports,
            editAction: canEdit ? TermsRoute.save.link(id) : nil,
            builder: canEdit ? TermsForm.builder(draft, supportAreas: req.registry.terms.context(match).supportAreas, errors: form, req) : nil,
            values: (1...TermsText.programmeValues).map { req.t("terms.value.\($0)") },
            form: form))
    }
}
