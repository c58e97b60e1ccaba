import ExchangeCore
import Fluent
import Vapor

/// Public bodies' needs: a list, a page per need with its readiness chart, forms to draft and edit, and submission.
struct NeedController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(NeedRoute.list, use: list)
        routes.on(NeedRoute.newForm, use: newForm)
        routes.on(NeedRoute.create, use: create)
        routes.on(NeedRoute.show, use: show)
        routes.on(NeedRoute.editForm, use: editForm)
        routes.on(NeedRoute.update, use: update)
        routes.on(NeedRoute.submit, use: submit)
        routes.on(NeedRoute.decide, use: decide)
    }

    // MARK: - Reading

    struct ListItem: Encodable {
        let title: String
        let href: String
        let organisation: String
        let status: String
    }

    struct ListPage: Encodable {
        let items: [ListItem]
        let hasItems: Bool
        let canCreate: Bool
        let query: String
        let statuses: [Option]
        let pager: Pager
    }

    @Sendable func list(req: Request) async throws -> View {
        let principal = req.principal!
        try req.authorize(.list, .needDirectory(organisationID: nil))
        let search = ListSearch(req)
        if principal.role == .publicParticipant, principal.organisationID == nil { return try await page(req, [], total: 0, search) }
        let list = NeedList(db: req.db, organisationID: principal.role == .publicParticipant ? principal.organisationID : nil,
                            text: search.text, status: search.status)
        return try await page(req, try await list.rows(Pager.rows(req)), total: try await list.count(), search)
    }

    private func page(_ req: Request, _ needs: [NeedList.Row], total: Int, _ search: ListSearch) async throws -> View {
        let principal = req.principal!
        let items = needs.map {
            ListItem(title: $0.title, href: NeedRoute.show.link($0.id), organisation: $0.organisation, status: req.t("participation.\($0.status.rawValue)"))
        }
        let canCreate = AccessPolicy.decide(principal, .create, .needDirectory(organisationID: principal.organisationID)).isAllowed
        return try await req.page("needs", title: "needs.title", ListPage(
            items: items, hasItems: !items.isEmpty, canCreate: canCreate, query: search.text, statuses: search.statusOptions(req),
            pager: Pager(req, path: NeedRoute.list.link(), total: total, keep: search.queryItems)))
    }

    struct Detail: Encodable {
        let id: String
        let title: String
        let organisation: String
        let status: String
        let problemStatement: String
        let whyPrivateSector: String
        let supportAreas: [String]
        let issueAreas: [String]
        let fields: [String]
        let sector: String
        let requiredSkills: [String]
        let preferredSkills: [String]
        let languages: [String]
        let start: String
        let duration: String
        let expectedOutputs: String
        let dataAccess: String
        let dataRules: String
        let chart: String
        let canEdit: Bool
        let canDecide: Bool
        let candidatesHref: String?
        let historyHref: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        let need = try await req.load(Need.self, for: .read, query: { $0.with(\.$organisation) })
        let principal = req.principal!
        let taxonomy = req.application.taxonomy
        let d = need.draft
        let readiness = need.readiness
        let labels = Dictionary(uniqueKeysWithValues: ReadinessArea.allCases.map { ($0, req.t("readiness.\($0.rawValue)")) })
        let chart = ReadinessChart.svg(readiness, labels: labels, title: req.t("need.readiness"),
                                       summary: req.t("need.readiness_summary", String(Int((readiness.overall * 100).rounded()))))
        return try await req.page("need", title: "need.title", Detail(
            id: need.id!.uuidString.lowercased(), title: need.title, organisation: need.organisation.name,
            status: req.t("participation.\(need.status.rawValue)"), problemStatement: d.problemStatement, whyPrivateSector: d.whyPrivateSector,
            supportAreas: d.supportAreas.map { req.t("support_area.\($0)") }, issueAreas: d.issueAreas.map { req.t("issue_area.\($0)") },
            fields: d.fields.map { req.t("profile.field.\($0)") }, sector: d.sector.map { req.t("work_sector.\($0)") } ?? "—",
            requiredSkills: d.requiredSkills.compactMap { taxonomy.skill($0)?.labels[req.language] },
            preferredSkills: d.preferredSkills.compactMap { taxonomy.skill($0)?.labels[req.language] },
            languages: d.languages.compactMap { LanguageCode($0)?.name(in: req.language) },
            start: CalendarDay.text(d.preferredStart, none: "—"), duration: req.t("need.months", String(d.duration)),
            expectedOutputs: d.expectedOutputs, dataAccess: req.t("data_access.\(d.dataAccess)"), dataRules: d.dataRules, chart: chart,
            canEdit: need.status == .draft && AccessPolicy.decide(principal, .update, .need(organisationID: need.$organisation.id)).isAllowed,
            canDecide: principal.role.managesProgramme && ParticipationWorkflow.coordinatorMayDecide(need.status),
            candidatesHref: AccessPolicy.decide(principal, .list, .expertDirectory).isAllowed
                ? CandidatesRoute.candidates.link(need.id!) : nil,
            historyHref: AccessPolicy.decide(principal, .read, .auditLog).isAllowed
                ? AuditPageRoute.list.link(query: [URLQueryItem(name: "subjectType", value: "need"), URLQueryItem(name: "subjectID", value: need.id!.uuidString.lowercased())]) : nil))
    }


    // MARK: - Writing

    /// The form sends a `NeedInput`; the readiness ratings arrive as readiness_<area> / note_<area>.
    static func readiness(_ req: Request) -> ReadinessAssessment {
        var ratings: [ReadinessArea: ReadinessAssessment.Rating] = [:]
        for area in ReadinessArea.allCases {
            guard let raw = try? req.content.get(String.self, at: "readiness_\(area.rawValue)"), let score = Int(raw) else { continue }
            ratings[area] = .init(score: score, note: (try? req.content.get(String.self, at: "note_\(area.rawValue)")) ?? "")
        }
        return ReadinessAssessment(ratings: ratings)
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let principal = req.principal!
        try req.authorize(.create, .needDirectory(organisationID: principal.role == .publicParticipant ? principal.organisationID : nil))
        return try await formPage(req, action: NeedRoute.create.link(), draft: NeedDraft(), readiness: .init(ratings: [:]), errors: [],
                                  organisationID: principal.organisationID)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(NeedInput.self)
        let organisationID = user.role == .publicParticipant ? user.$organisation.id : form.organisation
        try req.authorize(.create, .needDirectory(organisationID: organisationID))
        let draft = form.draft
        let readiness = Self.readiness(req)
        do {
            guard let organisationID else { throw AppError.validation([FieldError("organisationID", .required)]) }
            let need = try await req.registry.needs.create(draft, readiness: readiness, organisationID: organisationID, by: user)
            req.flash("need.saved")
            return req.redirect(to: NeedRoute.show.link(need.id!))
        } catch AppError.validation(let errors) {
            return try await formPage(req, action: NeedRoute.create.link(), draft: draft, readiness: readiness, errors: errors, organisationID: organisationID)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let need = try await req.load(Need.self, for: .update, query: { $0.with(\.$organisation) })
        return try await formPage(req, action: NeedRoute.update.link(need.id!), draft: need.draft, readiness: need.readiness,
                                  errors: [], organisationID: need.$organisation.id)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let need = try await req.load(Need.self, for: .update, query: { $0.with(\.$organisation) })
        let draft = try req.content.decode(NeedInput.self).draft
        let readiness = Self.readiness(req)
        do {
            _ = try await req.registry.needs.update(need, with: draft, readiness: readiness, by: try req.requireUser())
            req.flash("need.saved")
            return req.redirect(to: NeedRoute.show.link(need.id!))
        } catch AppError.validation(let errors) {
            return try await formPage(req, action: NeedRoute.update.link(need.id!), draft: draft, readiness: readiness,
                                      errors: errors, organisationID: need.$organisation.id)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let need = try await req.load(Need.self, for: .update, query: { $0.with(\.$organisation) })
        do {
            let submitted = try await req.registry.needs.submit(need, by: try req.requireUser())
            req.flash(submitted.status == .eligible ? "need.submitted_ready" : "need.submitted_review")
            return req.redirect(to: NeedRoute.show.link(need.id!))
        } catch AppError.validation(let errors) {
            return try await formPage(req, action: NeedRoute.update.link(need.id!), draft: need.draft, readiness: need.readiness,
                                      errors: errors, organisationID: need.$organisation.id)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let need = try await req.load(Need.self, for: .update, query: { $0.with(\.$organisation) })
        let form = try req.content.decode(CoordinatorDecisionForm.self)
        _ = try await req.registry.needs.decide(need, eligible: try form.eligible(), reason: form.reason ?? "",
                                       by: try req.requireUser(), mailer: req.application.mailer)
        req.flash("need.decided")
        return req.redirect(to: NeedRoute.show.link(need.id!))
    }

    // MARK: - The form page

    struct ReadinessRow: Encodable {
        let area: String
        let label: String
        let options: [Option]
        let note: String
    }

    struct SkillGroup: Encodable {
        let label: String
        let required: [Option]
        let preferred: [Option]
    }

    struct FormPage: Encodable {
        let action: String
        let form: FormState
        let organisations: [Option]
        let chooseOrganisation: Bool
        let supportAreas: [Option]
        let issueAreas: [Option]
        let fields: [Option]
        let sectors: [Option]
        let skillGroups: [SkillGroup]
        let languages: [Option]
        let durations: [Option]
        let dataAccess: [Option]
        let readiness: [ReadinessRow]
        let start: String
    }

    private func formPage(_ req: Request, action: String, draft d: NeedDraft, readiness: ReadinessAssessment, errors: [FieldError],
                          organisationID: UUID?) async throws -> View {
        let lang = req.language
        let taxonomy = req.application.taxonomy
        let chooseOrganisation = req.principal!.role.managesProgramme && action == NeedRoute.create.link()
        let organisations = chooseOrganisation
            ? try await Organisation.query(on: req.db).filter(\.$kind == .publicBody).sort(\.$name).all().map {
                Option(value: $0.id!.uuidString, label: $0.name, selected: $0.id == organisationID)
            } : []
        let groups = taxonomy.groups.map { group in
            let skills = taxonomy.skills.filter { $0.group == group.id }
            return SkillGroup(label: group.labels[lang],
                              required: skills.map { Option(value: $0.id, label: $0.labels[lang], selected: d.requiredSkills.contains($0.id)) },
                              preferred: skills.map { Option(value: $0.id, label: $0.labels[lang], selected: d.preferredSkills.contains($0.id)) })
        }
        let languages = LanguageCode.sortedNames(in: lang)
            .map { Option(value: $0.code, label: $0.name, selected: d.languages.contains($0.code)) }
        return try await req.page("need_form", title: action == NeedRoute.create.link() ? "need.new_title" : "need.edit_title", FormPage(
            action: action,
            form: FormState(values: ["title": d.title, "problemStatement": d.problemStatement, "whyPrivateSector": d.whyPrivateSector,
                                     "expectedOutputs": d.expectedOutputs, "dataRules": d.dataRules], errors: errors, on: req),
            organisations: organisations, chooseOrganisation: chooseOrganisation,
            supportAreas: SupportArea.allCases.map { Option(value: String($0.rawValue), label: req.t("support_area.\($0.rawValue)"), selected: d.supportAreas.contains($0.rawValue)) },
            issueAreas: Option.cases(IssueArea.allCases, labels: "issue_area", selected: d.issueAreas, req),
            fields: Option.cases(NeedDraft.wantableFields, labels: "profile.field", selected: d.fields, req),
            sectors: [Option(value: "", label: req.t("need.no_sector"), selected: d.sector == nil)]
                + Option.cases(WorkSector.allCases, labels: "work_sector", selected: d.sector.map { [$0] } ?? [], req),
            skillGroups: groups, languages: languages,
            durations: (1...NeedDraft.maximumDuration).map { Option(value: String($0), label: req.t("need.months", String($0)), selected: $0 == d.duration) },
            dataAccess: Option.cases(DataAccess.allCases, labels: "data_access", selected: d.dataAccess, req),
            readiness: ReadinessArea.allCases.map { area in
                let score = readiness.ratings[area]?.score
                return ReadinessRow(area: area.rawValue, label: req.t("readiness.\(area.rawValue)"),
                                    options: (0...ReadinessAssessment.maximumScore).map { Option(value: String($0), label: req.t("readiness.score.\($0)"), selected: $0 == score) },
                                    note: readiness.ratings[area]?.note ?? "")
            },
            start: CalendarDay.text(d.preferredStart, none: "")))
    }
}
