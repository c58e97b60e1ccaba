import ExchangeCore

struct NavigationItem: Encodable, Equatable {
    let label: String
    let href: String
    let current: Bool
}

/// The links each role sees. Pages a role may not use are not offered (and are refused if typed).
enum Navigation {
    static func links(for role: Role?) -> [(key: String, href: String)] {
        guard let role else {
            return [("nav.home", HomeRoute.home.link()), ("nav.public", PublicRoute.list.link()), ("nav.registry", RegistryRoute.search.link()), ("nav.ledger", LedgerRoute.index.link()), ("nav.login", SessionRoute.form.link()), ("nav.register", RegistrationRoute.form.link())]
        }
        var links: [(String, String)] = [("nav.dashboard", HomeRoute.home.link())]
        switch role {
        case .coordinator:
            links += [("nav.organisations", OrganisationRoute.list.link()), ("nav.needs", NeedRoute.list.link()), ("nav.experts", RosterRoute.experts.link()),
                      ("nav.matching", MatchingBoardRoute.board.link()), ("nav.matches", MatchRoute.list.link()), ("nav.programme", ProgrammeRoute.dashboard.link()),
                      ("nav.red_flags", RedFlagsRoute.index.link()), ("nav.registry", RegistryRoute.search.link()), ("nav.ledger", LedgerRoute.index.link()), ("nav.skills", SkillsRoute.list.link()), ("nav.people", PeopleRoute.list.link()), ("nav.invitations", InvitationRoute.list.link()),
                      ("nav.report_oversight", ReportStatisticsRoute.oversight.link()), ("nav.audit", AuditPageRoute.list.link())]
        case .administrator:
            links += [("nav.organisations", OrganisationRoute.list.link()), ("nav.needs", NeedRoute.list.link()), ("nav.experts", RosterRoute.experts.link()),
                      ("nav.matching", MatchingBoardRoute.board.link()), ("nav.matches", MatchRoute.list.link()), ("nav.programme", ProgrammeRoute.dashboard.link()),
                      ("nav.red_flags", RedFlagsRoute.index.link()), ("nav.registry", RegistryRoute.search.link()), ("nav.ledger", LedgerRoute.index.link()), ("nav.skills", SkillsRoute.list.link()), ("nav.people", PeopleRoute.list.link()), ("nav.invitations", InvitationRoute.list.link()),
                      ("nav.report_oversight", ReportStatisticsRoute.oversight.link()), ("nav.report_subjects", ReportSubjectRoute.list.link()),
                      ("nav.identity_requests", IdentityRoute.list.link()),
                      ("nav.audit", AuditPageRoute.list.link()), ("nav.outbox", OutboxRoute.list.link()), ("nav.jobs", JobsRoute.list.link())]
        case .evaluator:
            links += [("nav.organisations", OrganisationRoute.list.link()), ("nav.needs", NeedRoute.list.link()), ("nav.matches", MatchRoute.list.link()),
                      ("nav.programme", ProgrammeRoute.dashboard.link())]
        case .analyst:
            links += [("nav.organisations", OrganisationRoute.list.link()), ("nav.needs", NeedRoute.list.link()), ("nav.conflict_data", ConflictDataRoute.show.link()),
                      ("nav.red_flags", RedFlagsRoute.index.link()), ("nav.registry", RegistryRoute.search.link()), ("nav.ledger", LedgerRoute.index.link()), ("nav.programme", ProgrammeRoute.dashboard.link())]
        case .publicParticipant:
            // Integrity bodies receive reports: their people find them here once their organisation is a recipient.
            links += [("nav.my_organisation", OrganisationRoute.mine.link()), ("nav.needs", NeedRoute.list.link()), ("nav.matches", MatchRoute.list.link()),
                      ("nav.received_reports", ReceivedReportsRoute.list.link()), ("nav.ledger", LedgerRoute.index.link())]
        case .expert:
            links += [("nav.profile", ProfileRoute.show.link()), ("nav.opportunities", OpportunitiesRoute.list.link()), ("nav.matches", MatchRoute.list.link()),
                      ("nav.my_organisation", OrganisationRoute.mine.link()), ("nav.disclosure", DisclosureRoute.show.link())]
        }
        links += [("nav.notifications", NotificationRoute.list.link()), ("nav.account", AccountRoute.show.link())]
        return links
    }

    static func items(for role: Role?, currentPath: String) -> [NavigationItem] {
        links(for: role).map { NavigationItem(label: $0.key, href: $0.href, current: $0.href == currentPath) }
    }
}
