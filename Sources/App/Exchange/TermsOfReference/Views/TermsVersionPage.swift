import ExchangeCore
import Foundation

/// One version of the Terms of Reference with what changed since the one before.
struct TermsVersionPage: PageModel {
    static let template = "terms_version"
    let titleKey = "terms.version_title"

    let termsHref: String
    let text: TermsText
    let previous: Int?
    let changes: [TermsText.Change]

    /// `previous` is the version before `version`, if there is one.
    init(match: MatchHeading, version: TermsEdition, previous: TermsEdition?, text translate: some Translating) {
        termsHref = TermsRoute.show.link(match.id)
        text = TermsText(version, match: match, translate)
        self.previous = previous?.number
        changes = TermsText.changes(from: previous?.terms, to: version.terms, translate)
    }
}
