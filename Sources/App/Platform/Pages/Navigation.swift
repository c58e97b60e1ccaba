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
            return [("nav.home", Paths.home), ("nav.public", Paths.publicExchanges), ("nav.login", Paths.login), ("nav.register", Paths.register)]
        }
        var links: [(String, String)] = [("nav.dashboard", Paths.home)]
        switch role {
        case .coordinator:
            links += [("nav.organisations", Paths.organisations), ("nav.needs", Paths.needs), ("nav.experts", Paths.experts),
                      ("nav.matching", Paths.matching), ("nav.matches", Paths.matches), ("nav.programme", Paths.programme),
                      ("nav.red_flags", Paths.redFlags), ("nav.skills", Paths.skills), ("nav.people", Paths.people), ("nav.invitations", Paths.invitations),
                      ("nav.audit", Paths.audit)]
        case .administrator:
            links += [("nav.organisations", Paths.organisations), ("nav.needs", Paths.needs), ("nav.experts", Paths.experts),
                      ("nav.matching", Paths.matching), ("nav.matches", Paths.matches), ("nav.programme", Paths.programme),
                      ("nav.red_flags", Paths.redFlags), ("nav.skills", Paths.skills), ("nav.people", Paths.people), ("nav.invitations", Paths.invitations),
                      ("nav.audit", Paths.audit), ("nav.outbox", Paths.outbox), ("nav.jobs", Paths.jobs)]
        case .evaluator:
            links += [("nav.organisations", Paths.organisations), ("nav.needs", Paths.needs), ("nav.matches", Paths.matches),
                      ("nav.programme", Paths.programme)]
        case .analyst:
            links += [("nav.organisations", Paths.organisations), ("nav.needs", Paths.needs), ("nav.conflict_data", Paths.conflictData),
                      ("nav.red_flags", Paths.redFlags), ("nav.programme", Paths.programme)]
        case .publicParticipant:
            links += [("nav.my_organisation", Paths.myOrganisation), ("nav.needs", Paths.needs), ("nav.matches", Paths.matches)]
        case .expert:
            links += [("nav.profile", Paths.profile), ("nav.opportunities", Paths.opportunities), ("nav.matches", Paths.matches),
                      ("nav.my_organisation", Paths.myOrganisation)]
        }
        links += [("nav.notifications", Paths.notifications), ("nav.account", Paths.account)]
        return links
    }

    static func items(for role: Role?, currentPath: String) -> [NavigationItem] {
        links(for: role).map { NavigationItem(label: $0.key, href: $0.href, current: $0.href == currentPath) }
    }
}
