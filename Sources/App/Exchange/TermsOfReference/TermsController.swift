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

    @Sendable func show(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        let versions = try await req.registry.terms.versions(of: match)
        if let kept = try await req.registry.terms.keptDraft(of: match) {
            // A kept draft shows with what still breaks the rules, as saving it would.
            let draft = TermsForm.draft(from: kept.fields)
            let errors = req.registry.terms.problems(of: draft, on: match)
            return try await page(req, match, versions: versions, draft: draft, kept: .init(by: kept.savedBy.displayName, at: kept.savedAt),
                                  form: FormState(values: kept.fields, errors: TermsForm.fields.formErrors(errors), on: req))
        }
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
        if body["action"] == "draft" {
            let fields = body.filter { !["_csrf", "_once", "action"].contains($0.key) }
            let kept = try await req.registry.terms.keepDraft(fields, on: match, by: try req.requireUser())
            req.flash(kept ? "terms.draft_kept" : "terms.draft_unchanged")
            return req.redirect(to: TermsRoute.show.link(try match.engagement.requireID()) + "#builder-heading")
        }
        let draft = TermsForm.draft(from: body)
        switch draft.validate(req.registry.terms.context(match)) {
        case .failure(let failure):
            let versions = try await req.registry.terms.versions(of: match)
            return try await page(req, match, versions: versions, draft: draft,
                                  form: FormState(values: body, errors: TermsForm.fields.formErrors(failure.errors), on: req))
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
        let previous = versions.indices.contains(index + 1) ? versions[index + 1].edition : nil
        return try await req.page(TermsVersionPage(match: try match.heading, version: versions[index].edition, previous: previous, text: req))
    }

    @Sendable func start(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        try await req.registry.terms.start(match, by: try req.requireUser())
        req.flash("engagement.started")
        return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
    }

    // MARK: - Exports

    @Sendable func exportHTML(req: Request) async throws -> Response {
        let (match, version) = try await exported(req)
        let html = try await printable(req, match, version, stylesheet: "/css/print.css")
        return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
    }

    @Sendable func exportJSON(req: Request) async throws -> Response {
        let (match, version) = try await exported(req)
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
                            terms: version.terms)
        let response = try await export.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"terms-v\(version.number).json\"")
        return response
    }

    @Sendable func exportPDF(req: Request) async throws -> Response {
        let (match, version) = try await exported(req)
        return try await req.pdfResponse(html: try await printable(req, match, version, stylesheet: "print.css"),
                                         filename: "terms-v\(version.number).pdf")
    }

    /// The version asked for (`?version=`), or the current one.
    private func exported(_ req: Request) async throws -> (ProposedMatches.Loaded, TermsVersion) {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        let versions = try await req.registry.terms.versions(of: match)
        let wanted = req.query[Int.self, at: "version"]
        guard let version = wanted.map({ n in versions.first { $0.number == n } }) ?? versions.first else {
            throw AppError.notFound
        }
        return (match, version)
    }

    private func printable(_ req: Request, _ match: ProposedMatches.Loaded, _ version: TermsVersion, stylesheet: String) async throws -> String {
        let page = TermsPrintPage(match: try match.heading, version: version.edition, stylesheet: stylesheet, text: req)
        return String(buffer: try await req.view.render(TermsPrintPage.template, page).data)
    }

    private func page(_ req: Request, _ match: ProposedMatches.Loaded, versions: [TermsVersion], draft: TermsOfReferenceDraft,
                      kept: TermsPage.Kept? = nil, form: FormState) async throws -> View {
        let principal = req.principal!
        return try await req.page(TermsPage(
            match: try match.heading, stage: match.engagement.stage, versions: versions.map(\.edition), side: match.termsSide(of: principal),
            mayEdit: AccessPolicy.decide(principal, .update, match.protected.terms).isAllowed, draft: draft, kept: kept,
            supportAreas: req.registry.terms.context(match).supportAreas, form: form, text: req))
    }
}
