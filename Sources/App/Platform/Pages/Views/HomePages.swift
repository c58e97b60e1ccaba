import ExchangeCore
import Foundation

/// The public landing page.
struct LandingPage: PageModel {
    static let template = "landing"
    let titleKey = "landing.title"
}

/// The signed-in person's dashboard: counts for their role and what to do next.
struct DashboardPage: PageModel {
    static let template = "dashboard"
    let titleKey = "dashboard.title"

    struct Card: Encodable, Sendable, Equatable {
        let label: String
        let value: Int
        let href: String
    }

    /// What the dashboard counts; the programme's counts only for programme staff.
    struct Counts: Sendable {
        var pendingRegistrations = 0
        var organisations = 0
        var openInvitations = 0
        var unread = 0
    }

    let role: String
    let cards: [Card]
    /// Catalog keys of what to do next, shown when there is nothing yet.
    let nextSteps: [String]
    let hasNextSteps: Bool
    let organisationName: String?
    let organisationHref: String?

    init(role: Role, counts: Counts, organisation: (id: UUID, name: String)?) {
        var cards: [Card] = []
        var steps: [String] = []
        switch role {
        case .coordinator, .administrator:
            cards = [Card(label: "dashboard.pending_registrations", value: counts.pendingRegistrations, href: PeopleRoute.list.link()),
                     Card(label: "dashboard.organisations", value: counts.organisations, href: OrganisationRoute.list.link()),
                     Card(label: "dashboard.open_invitations", value: counts.openInvitations, href: InvitationRoute.list.link())]
            if counts.organisations == 0 { steps.append("dashboard.next.add_organisation") }
            if counts.openInvitations == 0 { steps.append("dashboard.next.invite") }
            if role == .administrator { steps.append("dashboard.next.check_outbox") }
        case .publicParticipant:
            steps = organisation == nil ? ["dashboard.next.await_placement"] : ["dashboard.next.complete_public_body", "dashboard.next.needs_soon"]
        case .expert:
            steps = ["dashboard.next.expert_profile_soon"]
        case .evaluator:
            steps = ["dashboard.next.evaluator_wait"]
        case .analyst:
            steps = ["dashboard.next.analyst_wait"]
        }
        cards.append(Card(label: "dashboard.unread", value: counts.unread, href: NotificationRoute.list.link()))
        self.role = role.rawValue
        self.cards = cards
        nextSteps = steps
        hasNextSteps = !steps.isEmpty
        organisationName = organisation?.name
        organisationHref = organisation.map { OrganisationRoute.show.link($0.id) }
    }
}
