import ExchangeCore
import Fluent
import Vapor

/// The public landing page, or the signed-in person's dashboard for their role.
struct HomeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(HomeRoute.home, use: home)
    }

    struct Card: Encodable {
        let label: String
        let value: Int
        let href: String
    }

    struct Dashboard: Encodable {
        let role: String
        let cards: [Card]
        /// Catalog keys of what to do next, shown when there is nothing yet.
        let nextSteps: [String]
        let hasNextSteps: Bool
        let organisationName: String?
        let organisationHref: String?
    }

    @Sendable func home(req: Request) async throws -> View {
        guard let user = req.auth.get(User.self) else {
            struct Landing: Encodable {}
            return try await req.page("landing", title: "landing.title", Landing())
        }
        return try await req.page("dashboard", title: "dashboard.title", try await dashboard(for: user, on: req.db))
    }

    private func dashboard(for user: User, on db: Database) async throws -> Dashboard {
        let organisation = try await user.$organisation.get(on: db)
        var cards: [Card] = []
        var steps: [String] = []
        switch user.role {
        case .coordinator, .administrator:
            let pending = try await User.query(on: db).filter(\.$status == .pending).count()
            let organisations = try await Organisation.query(on: db).count()
            let openInvitations = try await Invitation.query(on: db).filter(\.$acceptedAt == nil).count()
            cards = [Card(label: "dashboard.pending_registrations", value: pending, href: PeopleRoute.list.link()),
                     Card(label: "dashboard.organisations", value: organisations, href: OrganisationRoute.list.link()),
                     Card(label: "dashboard.open_invitations", value: openInvitations, href: InvitationRoute.list.link())]
            if organisations == 0 { steps.append("dashboard.next.add_organisation") }
            if openInvitations == 0 { steps.append("dashboard.next.invite") }
            if user.role == .administrator { steps.append("dashboard.next.check_outbox") }
        case .publicParticipant:
            steps = organisation == nil ? ["dashboard.next.await_placement"] : ["dashboard.next.complete_public_body", "dashboard.next.needs_soon"]
        case .expert:
            steps = ["dashboard.next.expert_profile_soon"]
        case .evaluator:
            steps = ["dashboard.next.evaluator_wait"]
        case .analyst:
            steps = ["dashboard.next.analyst_wait"]
        }
        let unread = try await UserNotification.unreadCount(of: user.requireID(), on: db.sql)
        cards.append(Card(label: "dashboard.unread", value: unread, href: NotificationRoute.list.link()))
        return Dashboard(role: user.role.rawValue, cards: cards, nextSteps: steps, hasNextSteps: !steps.isEmpty, organisationName: organisation?.name,
                         organisationHref: organisation.flatMap(\.id).map { OrganisationRoute.show.link($0) })
    }
}
