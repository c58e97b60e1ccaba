import ExchangeCore
import Fluent
import Vapor

/// A public body's participation: members attest and submit it for screening; coordinators decide what screening
/// leaves open, or override it, with a reason.
struct ParticipationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ParticipationRoute.show, use: show)
        routes.on(ParticipationRoute.submit, use: submit)
        routes.on(ParticipationRoute.decide, use: decide)
    }

    struct ParticipationPage: Encodable {
        let id: String
        let name: String
        let organisationHref: String
        let status: String
        let screening: [ProfileController.ScreeningRow]
        let hasScreening: Bool
        let attestations: [Option]
        let canSubmit: Bool
        let canDecide: Bool
        let decisionAction: String
        let decisionHint = "body_participation.reason_hint"
        let form: FormState
    }

    static let attestationNames = ["proBono", "workHours", "publicCommunication", "integrityMandate"]

    @Sendable func show(req: Request) async throws -> View {
        try await page(req, try await req.load(Organisation.self, for: .read, where: { $0.kind == .publicBody }))
    }

    func page(_ req: Request, _ o: Organisation, errors: [FieldError] = []) async throws -> View {
        let principal = req.principal!
        let values: [String: Bool?] = ["proBono": o.proBono, "workHours": o.workHours, "publicCommunication": o.publicCommunication,
                                       "integrityMandate": o.integrityMandate]
        let rows = ProfileController.screeningRows(o.screening, req)
        return try await req.page("participation", title: "body_participation.title", ParticipationPage(
            id: try o.requireID().uuidString.lowercased(), name: o.name, organisationHref: OrganisationRoute.show.link(o.requireID()),
            status: req.t("participation.\((o.participationStatus ?? .draft).rawValue)"),
            screening: rows, hasScreening: !rows.isEmpty,
            attestations: Self.attestationNames.map { Option(value: $0, label: req.t("body_participation.attest.\($0)"), selected: values[$0] == true) },
            canSubmit: AccessPolicy.decide(principal, .update, .organisation(id: try o.requireID())).isAllowed,
            canDecide: principal.role.managesProgramme && ParticipationWorkflow.coordinatorMayDecide(o.participationStatus ?? .draft),
            decisionAction: ParticipationRoute.decide.link(try o.requireID()),
            form: FormState(values: [:], errors: errors, on: req)))
    }

    struct AttestationForm: Content {
        var proBono: String?
        var workHours: String?
        var publicCommunication: String?
        var integrityMandate: String?
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let organisation = try await req.load(Organisation.self, for: .update, where: { $0.kind == .publicBody })
        let form = try req.content.decode(AttestationForm.self)
        let screening = try await req.registry.participation.submit(organisation, .init(
            proBono: form.proBono != nil, workHours: form.workHours != nil, publicCommunication: form.publicCommunication != nil,
            integrityMandate: form.integrityMandate != nil), by: try req.requireUser())
        req.flash("body_participation.screened.\(screening.overall.rawValue)")
        return req.redirect(to: ParticipationRoute.show.link(try organisation.requireID()))
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let organisation = try await req.load(Organisation.self, for: .update, where: { $0.kind == .publicBody })
        let form = try req.content.decode(CoordinatorDecisionForm.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.participation.decide(organisation, eligible: try form.eligible(), reason: form.reason ?? "",
                                               by: try req.requireUser(), mailer: req.application.mailer)
            req.flash("body_participation.decided")
            return req.redirect(to: ParticipationRoute.show.link(try organisation.requireID()))
        } form: { errors in
            try await page(req, organisation, errors: errors)
        }
    }

}
