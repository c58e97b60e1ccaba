import ExchangeCore
import Foundation

/// The public landing page, with the latest published exchanges once there are any.
struct LandingPage: PageModel {
    static let template = "landing"
    let titleKey = "landing.title"

    struct Outcome: Encodable, Sendable, Equatable { let href: String; let title: String; let summary: String? }
    let outcomes: [Outcome]
    let hasOutcomes: Bool
    let allHref: String

    /// `published` newest first; the page shows the first three.
    init(published: [PublishedExchange] = []) {
        outcomes = published.prefix(3).map { Outcome(href: PublicRoute.show.link($0.engagement), title: $0.needTitle, summary: $0.texts[.summary]) }
        hasOutcomes = !outcomes.isEmpty
        allHref = PublicRoute.list.link()
    }
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

    /// Something the person can do now, with the page that does it.
    struct Step: Encodable, Sendable, Equatable {
        let key: String
        let href: String?
    }

    let role: String
    let cards: [Card]
    /// What to do next for the role, each step linking to the page that does it.
    let nextSteps: [Step]
    let hasNextSteps: Bool
    let organisationName: String?
    let organisationHref: String?
    /// What is waiting for the person, each item linking to the page that resolves it.
    let waiting: [InboxItem]
    let hasWaiting: Bool

    /// Something the person started that someone else holds now, in one sentence naming who.
    struct Other: Encodable, Sendable, Equatable {
        let text: String
        let href: String
    }

    let others: [Other]
    let hasOthers: Bool

    init(role: Role, counts: Counts, organisation: (id: UUID, name: String)?, waiting: [InboxItem] = [], others: [Other] = []) {
        var cards: [Card] = []
        var steps: [Step] = []
        switch role {
        case .coordinator, .administrator:
            cards = [Card(label: "dashboard.pending_registrations", value: counts.pendingRegistrations, href: PeopleRoute.list.link()),
                     Card(label: "dashboard.organisations", value: counts.organisations, href: OrganisationRoute.list.link()),
                     Card(label: "dashboard.open_invitations", value: counts.openInvitations, href: InvitationRoute.list.link())]
            if counts.organisations == 0 { steps.append(Step(key: "dashboard.next.add_organisation", href: OrganisationRoute.list.link())) }
            if counts.openInvitations == 0 { steps.append(Step(key: "dashboard.next.invite", href: InvitationRoute.list.link())) }
            if role == .administrator { steps.append(Step(key: "dashboard.next.check_outbox", href: OutboxRoute.list.link())) }
        case .publicParticipant:
            if let organisation {
                steps = [Step(key: "dashboard.next.complete_public_body", href: OrganisationRoute.show.link(organisation.id)),
                         Step(key: "dashboard.next.submit_need", href: NeedRoute.newForm.link()),
                         Step(key: "dashboard.next.follow_matches", href: MatchRoute.list.link())]
            } else {
                steps = [Step(key: "dashboard.next.await_placement", href: nil)]
            }
        case .expert:
            steps = [Step(key: "dashboard.next.complete_profile", href: ProfileRoute.show.link()),
                     Step(key: "dashboard.next.follow_matches", href: MatchRoute.list.link())]
        case .evaluator:
            steps = [Step(key: "dashboard.next.evaluations", href: MatchRoute.list.link())]
        case .analyst:
            steps = [Step(key: "dashboard.next.red_flags", href: RedFlagsRoute.index.link())]
        }
        cards.append(Card(label: "dashboard.unread", value: counts.unread, href: NotificationRoute.list.link()))
        self.role = role.rawValue
        self.cards = cards
        nextSteps = steps
        hasNextSteps = !steps.isEmpty
        self.waiting = waiting
        hasWaiting = !waiting.isEmpty
        self.others = others
        hasOthers = !others.isEmpty
        organisationName = organisation?.name
        organisationHref = organisation.map { OrganisationRoute.show.link($0.id) }
    }
}

extension DashboardPage {
    /// Each item as a sentence in the reader's language: "… is with the expert and the public body".
    static func others(_ items: [OthersItem], text: some Translating) -> [Other] {
        items.map { item in
            Other(text: text.t(item.key, item.subject, text.list(item.holders.map { text.t($0.key) })), href: item.href)
        }
    }
}
