import ExchangeCore
import Fluent
import Vapor

/// The closing report of an engagement, each party's consent to publish it item by item, and the coordinator's
/// redaction with a preview of exactly what the public will see.
struct ReportController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ReportRoute.show, use: show)
        routes.on(ReportRoute.save, use: save)
        routes.on(ReportRoute.consent, use: consent)
        routes.on(ReportRoute.publicationForm, use: publicationForm)
        routes.on(ReportRoute.publish, use: publish)
    }

    @Sendable func show(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        let report = try await req.registry.publications.report(match)
        return try await page(req, match, values: ["outcome": report?.outcome ?? "", "lessons": report?.lessons ?? "",
                                                   "recommendations": report?.recommendations ?? ""], errors: [])
    }

    @Sendable func save(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        struct Form: Content { var outcome: String?; var lessons: String?; var recommendations: String? }
        let form = try req.content.decode(Form.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.publications.saveReport(outcome: form.outcome, lessons: form.lessons, recommendations: form.recommendations,
                                                   on: match, by: try req.requireUser())
            req.flash("report.saved")
            return req.redirect(to: ReportRoute.show.link(try match.engagement.requireID()))
        } form: { errors in
            try await page(req, match, values: ["outcome": form.outcome ?? "", "lessons": form.lessons ?? "",
                                                       "recommendations": form.recommendations ?? ""], errors: errors)
        }
    }

    @Sendable func consent(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        let chosen = Set((FormFields.all(req)["items"] ?? []).compactMap(PublicationItem.init(rawValue:)))
        try await req.registry.publications.setConsents(chosen, on: match, as: party, by: try req.requireUser())
        req.flash("report.consent_saved")
        return req.redirect(to: ReportRoute.show.link(try match.engagement.requireID()))
    }

    private func page(_ req: Request, _ match: ProposedMatches.Loaded, values: [String: String], errors: [FieldError]) async throws -> View {
        let principal = req.principal!
        let stage = match.engagement.stage
        let may = ReportPage.Permissions(
            edit: AccessPolicy.decide(principal, .update, match.protected.work).isAllowed && [.closing, .closed].contains(stage),
            party: match.party(of: principal), publish: principal.role.managesProgramme && stage == .closed)
        return try await req.page(ReportPage(
            match: try match.heading, facts: try await req.registry.publications.facts(match), consents: try await req.registry.publications.consents(match),
            published: try await req.registry.publications.publication(match) != nil, may: may, values: values, errors: errors, text: req))
    }

    // MARK: - Publication (staff)

    @Sendable func publicationForm(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let existing = try await req.registry.publications.publication(match)
        var texts = existing?.texts ?? [:]
        if existing == nil { texts = try await defaultTexts(req, match) }
        return try await publicationPage(req, match, texts: texts, post: existing?.post ?? defaultPost(req, match, texts), preview: false, errors: [])
    }

    /// "Preview" renders the texts as the public will see them; "Publish" puts them on the public pages.
    @Sendable func publish(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let fields = FormFields.all(req)
        var texts: [PublicationItem: String] = [:]
        for item in PublicationItem.allCases { texts[item] = fields["text_\(item.rawValue)"]?.first ?? "" }
        let post = fields["post"]?.first ?? ""
        let draft = PublicationDraft(texts: texts, post: post)
        if fields["action"]?.first != "publish" {
            let (_, errors) = draft.checked(against: try await req.registry.publications.consents(match))
            return try await publicationPage(req, match, texts: texts, post: post, preview: errors.isEmpty, errors: errors)
                .encodeResponse(status: errors.isEmpty ? .ok : .unprocessableEntity, for: req)
        }
        return try await req.formAgainIfInvalid {
            try await req.registry.publications.publish(draft, on: match, by: try req.requireUser())
            req.flash("publication.published")
            return req.redirect(to: PublicRoute.show.link(try match.engagement.requireID()))
        } form: { errors in
            try await publicationPage(req, match, texts: texts, post: post, preview: false, errors: errors)
        }
    }

    private func publicationPage(_ req: Request, _ match: ProposedMatches.Loaded, texts: [PublicationItem: String], post: String, preview: Bool,
                                 errors: [FieldError]) async throws -> View {
        try await req.page(PublicationPage(match: try match.heading, texts: texts, post: post, consents: try await req.registry.publications.consents(match),
                                           preview: preview, errors: errors, text: req))
    }

    /// A first wording from the report, for the coordinator to redact.
    private func defaultTexts(_ req: Request, _ match: ProposedMatches.Loaded) async throws -> [PublicationItem: String] {
        let report = try await req.registry.publications.report(match)
        let facts = try await req.registry.publications.facts(match)
        return [
            .summary: req.t("publication.default_summary", match.organisation.name, match.need.title),
            .outcome: report?.outcome ?? "",
            .deliverables: facts.deliverables.filter { $0.status == .done }.map { "• \($0.title)" }.joined(separator: "\n"),
            .lessons: report?.lessons ?? "",
            .recommendations: report?.recommendations ?? "",
        ]
    }

    private func defaultPost(_ req: Request, _ match: ProposedMatches.Loaded, _ texts: [PublicationItem: String]) -> String {
        let lesson = (texts[.lessons] ?? "").split(separator: "\n").first.map(String.init) ?? ""
        return String(req.t("publication.default_post", match.organisation.name, match.need.title, lesson).prefix(500))
    }
}
