import ExchangeCore
import Fluent
import Vapor

/// Coordinators invite people; the invited person sets a name and password from the link.
struct InvitationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(InvitationRoute.list, use: list)
        routes.on(InvitationRoute.invite, use: invite)
        routes.on(InvitationRoute.acceptForm, use: acceptForm)
        routes.on(InvitationRoute.accept, use: accept)
    }

    struct InviteForm: Content {
        var email: String?
        var role: String?
        var organisationID: String?
        var language: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .invitations)
        return try await req.page(try await listPage(req, draft: nil, errors: []))
    }

    @Sendable func invite(req: Request) async throws -> Response {
        try req.authorize(.create, .invitations)
        let form = try req.content.decode(InviteForm.self)
        let draft = InvitationService.Draft(email: form.email ?? "", role: form.role ?? "",
                                            organisationID: form.organisationID, language: form.language ?? req.language.rawValue)
        return try await req.formAgainIfInvalid {
            _ = try await InvitationService(accounts: req.registry.accounts).invite(draft, by: try req.requireUser())
            req.flash("invitations.sent")
            return req.redirect(to: InvitationRoute.list.link())
        } form: { errors in
            return try await req.page(try await listPage(req, draft: draft, errors: errors))
        }
    }

    private func listPage(_ req: Request, draft: InvitationService.Draft?, errors: [FieldError]) async throws -> InvitationListPage {
        try InvitationListPage(invitations: try await Invitation.query(on: req.db).sort(\.$createdAt, .descending).limit(100).all(),
                               organisations: try await Organisation.query(on: req.db).sort(\.$name).all(), draft: draft, errors: errors,
                               now: req.application.clock.now(), text: req)
    }

    struct AcceptForm: Content {
        var token: String?
        var displayName: String?
        var password: String?
        var passwordConfirmation: String?
    }

    @Sendable func acceptForm(req: Request) async throws -> View {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard let invitation = try await InvitationService(accounts: req.registry.accounts).usableInvitation(token: token) else {
            throw AppError.badRequest(code: "token_unusable")
        }
        return try await req.page(InvitationAcceptPage(token: token, role: invitation.role, displayName: "", errors: [], text: req))
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let form = try req.content.decode(AcceptForm.self)
        let service = InvitationService(accounts: req.registry.accounts)
        return try await req.formAgainIfInvalid {
            let user = try await service.accept(token: form.token ?? "", displayName: form.displayName ?? "",
                                                password: form.password ?? "", confirmation: form.passwordConfirmation ?? "")
            req.startSession(for: user)
            req.flash("invitation.welcome")
            return req.redirect(to: HomeRoute.home.link())
        } form: { errors in
            let invitation = try await service.usableInvitation(token: form.token ?? "")
            return try await req.page(InvitationAcceptPage(token: form.token ?? "", role: invitation?.role, displayName: form.displayName ?? "",
                                                           errors: errors, text: req))
        }
    }
}
