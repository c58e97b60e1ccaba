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

    @Sendable func show(req: Request) async throws -> View {
        try await page(req, try await req.load(Organisation.self, for: .read, where: { $0.kind == .publicBody }))
    }

    func page(_ req: Request, _ o: Organisation, errors: [FieldError] = []) async throws -> View {
        let principal = req.principal!
        return try await req.page(try ParticipationPage(
            organisation: o, mayUpdate: AccessPolicy.decide(principal, .update, .organisation(id: try o.requireID())).isAllowed,
            managesProgramme: principal.role.managesProgramme, errors: errors, text: req))
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
