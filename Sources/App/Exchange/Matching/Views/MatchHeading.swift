import ExchangeCore
import Foundation

/// Who a match joins, as every page about the match names it: plain values taken once from the loaded records.
struct MatchHeading: Sendable, Equatable {
    let id: UUID
    let needID: UUID
    let needTitle: String
    let organisation: String
    let expert: String
    let expertOrganisation: String

    var href: String { MatchRoute.show.link(id) }
}

extension ProposedMatches.Loaded {
    var heading: MatchHeading {
        get throws {
            MatchHeading(id: try engagement.requireID(), needID: try need.requireID(), needTitle: need.title,
                         organisation: organisation.name, expert: expert.fullName, expertOrganisation: expert.organisationName)
        }
    }
}
