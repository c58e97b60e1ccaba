import ExchangeCore
import Fluent
import Vapor

/// Programme staff import expert rosters: upload, check the column mapping and every problem, then import.
struct RosterController: RouteCollection {
    static let maxUpload: ByteCount = "5mb"

    func boot(routes: RoutesBuilder) throws {
        routes.on(RosterRoute.upload, use: upload)
        routes.on(RosterRoute.preview, use: preview)
        routes.on(RosterRoute.importRoster, use: importRoster)
        routes.on(RosterRoute.experts, use: experts)
        routes.on(RosterRoute.review, use: review)
        routes.on(RosterRoute.decide, use: decide)
    }

    @Sendable func upload(req: Request) async throws -> View {
        try req.authorize(.create, .expertDirectory)
        return try await req.page(RosterUploadPage(error: nil, text: req))
    }

    /// The file (multipart) or pasted text, and any mapping the person chose (`map_<field>` = column or "").
    struct Form: Content {
        var file: File?
        var text: String?
        var skipFlagged: String?
    }

    @Sendable func preview(req: Request) async throws -> Response {
        try req.authorize(.create, .expertDirectory)
        let (text, mapping, _) = try readForm(req)
        guard let text else { return try await uploadError(req, "roster.error.no_file") }
        return try await renderPreview(req, text: text, mapping: mapping, status: .ok)
    }

    @Sendable func importRoster(req: Request) async throws -> Response {
        try req.authorize(.create, .expertDirectory)
        let (text, mapping, skip) = try readForm(req)
        guard let text else { return try await uploadError(req, "roster.error.no_file") }
        do {
            let preview = try await req.registry.roster.preview(text, mapping: mapping)
            let created = try await req.registry.roster.apply(preview, skippingFlagged: skip, actor: .user(req.requireUser().requireID()))
            req.flash(req.pluralKey(created.count, one: "roster.imported.one", other: "roster.imported.other"), req.number(created.count))
            return req.redirect(to: RosterRoute.experts.link())
        } catch RosterImportService.Refusal.blocked {
            return try await renderPreview(req, text: text, mapping: mapping, status: .unprocessableEntity, blocked: true)
        } catch RosterImportService.Refusal.unreadable(let problem) {
            return try await uploadError(req, "roster.error.unreadable", problem)
        }
    }

    private func readForm(_ req: Request) throws -> (text: String?, mapping: RosterMapping?, skipFlagged: Bool) {
        let form = try req.content.decode(Form.self)
        var text = form.text.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        if let file = form.file, file.data.readableBytes > 0 {
            var buffer = file.data
            text = buffer.readString(length: buffer.readableBytes)
        }
        var columns: [RosterField: Int] = [:]
        var chosen = false
        for field in RosterField.allCases {
            if let raw = try? req.content.get(String.self, at: "map_\(field.rawValue)") {
                chosen = true
                if let column = Int(raw) { columns[field] = column }
            }
        }
        return (text, chosen ? RosterMapping(columns: columns) : nil, form.skipFlagged == "on")
    }

    private func uploadError(_ req: Request, _ key: String, _ problem: DelimitedText.Problem? = nil) async throws -> Response {
        try await req.page(RosterUploadPage(error: key, problem: problem, text: req), status: .unprocessableEntity)
    }

    private func renderPreview(_ req: Request, text: String, mapping: RosterMapping?, status: HTTPResponseStatus,
                               blocked: Bool = false) async throws -> Response {
        do {
            let preview = try await req.registry.roster.preview(text, mapping: mapping)
            return try await req.page(RosterPreviewPage(preview, blocked: blocked, text: req), status: status)
        } catch RosterImportService.Refusal.unreadable(let problem) {
            return try await uploadError(req, "roster.error.unreadable", problem)
        }
    }

    @Sendable func experts(req: Request) async throws -> View {
        try req.authorize(.list, .expertDirectory)
        let search = ListSearch(req)
        var query = ExpertProfile.query(on: req.db).sort(\.$fullName)
        if !search.text.isEmpty { query = query.filter(ExpertProfile.schema, "full_name", contains: search.text, on: req.db) }
        if let status = search.status { query = query.filter(\.$status == status) }
        return try await req.page(try ExpertsPage(profiles: try await query.limit(500).all(), search: search, text: req))
    }

    // MARK: - Reviewing one profile

    @Sendable func review(req: Request) async throws -> View {
        let profile = try await req.load(ExpertProfile.self, for: .list)
        return try await reviewPage(req, profile, errors: [])
    }

    private func reviewPage(_ req: Request, _ p: ExpertProfile, errors: [FieldError]) async throws -> View {
        try await req.page(try ExpertReviewPage(profile: p, letter: try await req.registry.authorisationLetters.letter(of: p), errors: errors,
                                                taxonomy: req.application.taxonomy, text: req))
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let profile = try await req.load(ExpertProfile.self, for: .decide)
        let form = try req.content.decode(CoordinatorDecisionForm.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.expertProfiles.decide(profile, eligible: try form.eligible(), reason: form.reason ?? "",
                                                by: try req.requireUser())
            req.flash("expert_review.decided")
            return req.redirect(to: RosterRoute.review.link(try profile.requireID()))
        } form: { errors in
            try await reviewPage(req, profile, errors: errors)
        }
    }
}
