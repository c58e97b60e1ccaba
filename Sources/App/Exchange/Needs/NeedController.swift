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

    @Sendable func list(req: Request) async throws -> View {
        let principal = req.principal!
        try req.authorize(.list, .needDirectory(organisationID: nil))
        let search = ListSearch(req)
        let canCreate = AccessPolicy.decide(principal, .create, .needDirectory(organisationID: principal.organisationID)).isAllowed
        guard principal.role != .publicParticipant || principal.organisationID != nil else {
            return try await req.page(NeedListPage(rows: [], total: 0, page: 1, search: search, canCreate: canCreate, text: req))
        }
        let list = NeedList(db: req.db, organisationID: principal.role == .publicParticipant ? principal.organisationID : nil,
                            text: search.text, status: search.status)
        return try await req.page(NeedListPage(rows: try await list.rows(Pager.rows(req)), total: try await list.count(), page: Pager.page(req),
                                               search: search, canCreate: canCreate, text: req))
    }

    @Sendable func show(req: Request) async throws -> View {
        let need = try await req.load(Need.self, for: .read, query: { $0.with(\.$organisation) })
        let principal = req.principal!
        let may = NeedPage.Permissions(
            edit: need.status == .draft && AccessPolicy.decide(principal, .update, need.protected).isAllowed,
            decide: principal.role.managesProgramme && ParticipationWorkflow.coordinatorMayDecide(need.status),
            seeCandidates: AccessPolicy.decide(principal, .list, .expertDirectory).isAllowed,
            seeHistory: AccessPolicy.decide(principal, .read, .auditLog).isAllowed)
        return try await req.page(NeedPage(id: try need.requireID(), details: need.details, organisation: need.organisation.name,
                                           status: need.status, readiness: need.readiness, may: may,
                                           taxonomy: req.application.taxonomy, text: req))
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
        return try await req.page(try await formPage(req, need: nil, draft: NeedDraft(), readiness: .init(ratings: [:]), errors: [],
                                                     organisationID: principal.organisationID))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(NeedInput.self)
        let organisationID = user.role == .publicParticipant ? user.$organisation.id : form.organisation
        try req.authorize(.create, .needDirectory(organisationID: organisationID))
        let draft = form.draft
        let readiness = Self.readiness(req)
        return try await req.formAgainIfInvalid {
            guard let organisationID else { throw AppError.validation([FieldError("organisationID", .required)]) }
            let need = try await req.registry.needs.create(draft, readiness: readiness, organisationID: organisationID, by: user)
            req.flash("need.saved")
            return req.redirect(to: NeedRoute.show.link(try need.requireID()))
        } form: { errors in
            try await req.page(try await formPage(req, need: nil, draft: draft, readiness: readiness, errors: errors, organisationID: organisationID))
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let need = try await req.load(Need.self, for: .update)
        return try await req.page(try await formPage(req, need: need, draft: need.draft, readiness: need.readiness, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let need = try await req.load(Need.self, for: .update)
        let draft = try req.content.decode(NeedInput.self).draft
        let readiness = Self.readiness(req)
        return try await req.formAgainIfInvalid {
            _ = try await req.registry.needs.update(need, with: draft, readiness: readiness, by: try req.requireUser())
            req.flash("need.saved")
            return req.redirect(to: NeedRoute.show.link(try need.requireID()))
        } form: { errors in
            try await req.page(try await formPage(req, need: need, draft: draft, readiness: readiness, errors: errors))
        }
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let need = try await req.load(Need.self, for: .update)
        return try await req.formAgainIfInvalid {
            let submitted = try await req.registry.needs.submit(need, by: try req.requireUser())
            req.flash(submitted.status == .eligible ? "need.submitted_ready" : "need.submitted_review")
            return req.redirect(to: NeedRoute.show.link(try need.requireID()))
        } form: { errors in
            try await req.page(try await formPage(req, need: need, draft: need.draft, readiness: need.readiness, errors: errors))
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let need = try await req.load(Need.self, for: .update)
        let form = try req.content.decode(CoordinatorDecisionForm.self)
        _ = try await req.registry.needs.decide(need, eligible: try form.eligible(), reason: form.reason ?? "",
                                                by: try req.requireUser())
        req.flash("need.decided")
        return req.redirect(to: NeedRoute.show.link(try need.requireID()))
    }

    /// The form for `need` (nil: a new one). Programme staff drafting a new need choose its public body.
    private func formPage(_ req: Request, need: Need?, draft: NeedDraft, readiness: ReadinessAssessment, errors: [FieldError],
                          organisationID: UUID? = nil) async throws -> NeedFormPage {
        var bodies: NeedFormPage.BodyChoice?
        if need == nil, req.principal!.role.managesProgramme {
            let all = try await Organisation.query(on: req.db).filter(\.$kind == .publicBody).sort(\.$name).all()
            bodies = .init(bodies: try all.map { (try $0.requireID(), $0.name) }, selected: organisationID)
        }
        return NeedFormPage(need: try need?.requireID(), draft: draft, readiness: readiness, errors: errors, bodies: bodies,
                            taxonomy: req.application.taxonomy, text: req)
    }
}
