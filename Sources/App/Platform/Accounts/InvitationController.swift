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

    struct Row: Encodable {
        let email: String
        let role: String
        let state: String
        let expires: String
    }

    struct ListPage: Encodable {
        let invitations: [Row]
        let hasInvitations: Bool
        let form: FormState
        let roles: [Option]
        let organisations: [Option]
        let languages: [Option]
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .invitations)
        return try await req.page("invitations", title: "invitations.title", try await listPage(req, form: FormState(), draft: nil))
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
            let state = FormState(values: ["email": draft.email], errors: errors, on: req)
            return try await req.page("invitations", title: "invitations.title", try await listPage(req, form: state, draft: draft))
        }
    }

    private func listPage(_ req: Request, form: FormState, draft: InvitationService.Draft?) async throws -> ListPage {
        let now = req.application.clock.now()
        let rows = try await Invitation.query(on: req.db).sort(\.$createdAt, .descending).limit(100).all().map {
            Row(email: $0.email, role: req.t("role.\($0.role.rawValue)"), state: req.t("token.\($0.state(now: now))"),
                expires: CalendarDay.text($0.expiresAt))
        }
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
        return ListPage(
            invitations: rows, hasInvitations: !rows.isEmpty, form: form,
            roles: Option.cases(Role.allCases, labels: "role", selected: draft?.role, req),
            organisations: try organisations.map {
                Option(value: try $0.requireID().uuidString, label: "\($0.name) (\($0.country))", selected: $0.id?.uuidString == draft?.organisationID)
            },
            languages: SupportedLanguage.allCases.map {
                Option(value: $0.rawValue, label: req.t("language.\($0.rawValue)"), selected: $0.rawValue == (draft?.language ?? req.language.rawValue))
            })
    }

    struct AcceptForm: Content {
        var token: String?
        var displayName: String?
        var password: String?
        var passwordConfirmation: String?
    }

    struct AcceptPage: Encodable {
        let token: String
        let role: String
        let form: FormState
    }

    @Sendable func acceptForm(req: Request) async throws -> View {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard let invitation = try await InvitationService(accounts: req.registry.accounts).usableInvitation(token: token) else {
            throw AppError.badRequest(code: "token_unusable")
        }
        return try await req.page("invitation_accept", title: "invitation.accept_title",
                                  AcceptPage(token: token, role: req.t("role.\(invitation.role.rawValue)"), form: FormState()))
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
            return try await req.page("invitation_accept", title: "invitation.accept_title",
                                      AcceptPage(token: form.token ?? "", role: invitation.map { req.t("role.\($0.role.rawValue)") } ?? "",
                                                 form: FormState(values: ["displayName": form.displayName ?? ""], errors: errors, on: req)))
        }
    }
}
