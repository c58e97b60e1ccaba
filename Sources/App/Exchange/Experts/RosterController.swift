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

    struct UploadPage: Encodable { let error: String? }

    @Sendable func upload(req: Request) async throws -> View {
        try req.authorize(.create, .expertDirectory)
        return try await req.page("roster_upload", title: "roster.title", UploadPage(error: nil))
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
            req.flash("roster.imported", String(created.count))
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
        var message = req.t(key)
        if case .unterminatedQuote(let line)? = problem { message += " " + req.t("roster.error.unterminated_quote", String(line)) }
        return try await req.page("roster_upload", title: "roster.title", UploadPage(error: message), status: .unprocessableEntity)
    }

    struct MappingRow: Encodable {
        let field: String
        let label: String
        let options: [Option]
        let required: Bool
    }

    struct PlannedRow: Encodable {
        let name: String
        let organisation: String
        let country: String
        let areas: String
        let lines: String
    }

    struct PreviewPage: Encodable {
        let text: String
        let mapping: [MappingRow]
        let experts: [PlannedRow]
        let hasExperts: Bool
        let problems: [String]
        let hasProblems: Bool
        let blockingCount: Int
        let summary: String
        let blocked: Bool
    }

    private func renderPreview(_ req: Request, text: String, mapping: RosterMapping?, status: HTTPResponseStatus,
                               blocked: Bool = false) async throws -> Response {
        let preview: RosterImportService.Preview
        do {
            preview = try await req.registry.roster.preview(text, mapping: mapping)
        } catch RosterImportService.Refusal.unreadable(let problem) {
            return try await uploadError(req, "roster.error.unreadable", problem)
        }
        let plan = preview.plan
        let rows = RosterField.allCases.map { field in
            MappingRow(field: field.rawValue, label: req.t("roster.field.\(field.rawValue)"),
                       options: [Option(value: "", label: req.t("roster.not_in_file"), selected: preview.mapping.columns[field] == nil)]
                           + preview.table.header.enumerated().map { index, title in
                               Option(value: String(index), label: title, selected: preview.mapping.columns[field] == index)
                           },
                       required: field == .name || field == .country)
        }
        let experts = plan.experts.map {
            PlannedRow(name: $0.name, organisation: $0.organisation, country: CountryCode($0.country.value)?.name(in: req.language) ?? $0.country.value,
                       areas: $0.areas.joined(separator: ", "), lines: $0.lines.map(String.init).joined(separator: ", "))
        }
        let problems = plan.problems.map { $0.message(req.application.catalogs, req.language) }
        let page = PreviewPage(
            text: text, mapping: rows, experts: experts, hasExperts: !experts.isEmpty, problems: problems, hasProblems: !problems.isEmpty,
            blockingCount: plan.blockingProblems.count,
            summary: req.t("roster.summary", String(preview.table.records.count), String(plan.experts.count), String(plan.mergedLines),
                           String(plan.flaggedLines.count)),
            blocked: blocked)
        return try await req.page("roster_preview", title: "roster.preview_title", page, status: status)
    }

    struct ExpertRow: Encodable {
        let href: String
        let name: String
        let organisation: String
        let country: String
        let status: String
        let areas: String
        let historyHref: String
    }

    struct ExpertsPage: Encodable {
        let experts: [ExpertRow]
        let hasExperts: Bool
        let query: String
        let statuses: [Option]
    }

    @Sendable func experts(req: Request) async throws -> View {
        try req.authorize(.list, .expertDirectory)
        let search = ListSearch(req)
        var query = ExpertProfile.query(on: req.db).sort(\.$fullName)
        if !search.text.isEmpty { query = query.filter(ExpertProfile.schema, "full_name", contains: search.text, on: req.db) }
        if let status = search.status { query = query.filter(\.$status == status) }
        let rows = try await query.limit(500).all().map {
            ExpertRow(href: RosterRoute.review.link(try $0.requireID()), name: $0.fullName, organisation: $0.organisationName, country: CountryCode($0.country)?.name(in: req.language) ?? $0.country,
                      status: req.t("participation.\($0.status.rawValue)"), areas: $0.areas.joined(separator: ", "),
                      historyHref: AuditPageRoute.list.link(query: [URLQueryItem(name: "subjectType", value: "expert_profile"), URLQueryItem(name: "subjectID", value: try $0.requireID().uuidString.lowercased())]))
        }
        return try await req.page("experts", title: "experts.title", ExpertsPage(experts: rows, hasExperts: !rows.isEmpty,
                                                                                 query: search.text, statuses: search.statusOptions(req)))
    }

    // MARK: - Reviewing one profile

    struct ReviewPage: Encodable {
        let id: String
        let name: String
        let status: String
        let screening: [ProfileController.ScreeningRow]
        let hasScreening: Bool
        let canDecide: Bool
        let decisionAction: String
        let decisionHint = "expert_review.reason_hint"
        let form: FormState
        let historyHref: String
        let facts: [ExpertProfileFacts.Line]
        let letter: ProfileController.LetterInfo?
        let letterHref: String
    }

    @Sendable func review(req: Request) async throws -> View {
        try req.authorize(.list, .expertDirectory)
        guard let profile = try await ExpertProfile.find(try req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        return try await reviewPage(req, profile, errors: [])
    }

    private func reviewPage(_ req: Request, _ p: ExpertProfile, errors: [FieldError]) async throws -> View {
        let rows = ProfileController.screeningRows(p, req)
        return try await req.page("expert_review", title: "expert_review.title", ReviewPage(
            id: try p.requireID().uuidString.lowercased(), name: p.fullName, status: req.t("participation.\(p.status.rawValue)"),
            screening: rows, hasScreening: !rows.isEmpty, canDecide: ParticipationWorkflow.coordinatorMayDecide(p.status),
            decisionAction: RosterRoute.decide.link(try p.requireID()), form: FormState(values: [:], errors: errors, on: req),
            historyHref: AuditPageRoute.list.link(query: [URLQueryItem(name: "subjectType", value: "expert_profile"), URLQueryItem(name: "subjectID", value: try p.requireID().uuidString.lowercased())]),
            facts: ExpertProfileFacts.lines(p, req),
            letter: try await req.registry.authorisationLetters.letter(of: p).map { ProfileController.LetterInfo($0, req) },
            letterHref: AuthorisationLetterRoute.downloadAny.link(try p.requireID())))
    }

    @Sendable func decide(req: Request) async throws -> Response {
        try req.authorize(.decide, .expertDirectory)
        guard let profile = try await ExpertProfile.find(try req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        let form = try req.content.decode(CoordinatorDecisionForm.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.expertProfiles.decide(profile, eligible: try form.eligible(), reason: form.reason ?? "",
                                                by: try req.requireUser(), mailer: req.application.mailer)
            req.flash("expert_review.decided")
            return req.redirect(to: RosterRoute.review.link(try profile.requireID()))
        } form: { errors in
            try await reviewPage(req, profile, errors: errors)
        }
    }
}
