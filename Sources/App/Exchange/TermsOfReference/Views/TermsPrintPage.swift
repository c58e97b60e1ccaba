import ExchangeCore
import Foundation

/// A version of the Terms of Reference ready to print or to turn into a PDF. It has the `page` and `content` shape
/// of every page, so the shared partials and `#t` work unchanged, without the site's navigation.
struct TermsPrintPage: Encodable, Sendable {
    static let template = "terms_print"

    struct Head: Encodable, Sendable { let lang: String; let title: String; let stylesheet: String }
    struct Content: Encodable, Sendable { let text: TermsText }

    let page: Head
    let content: Content

    init(match: MatchHeading, version: TermsEdition, stylesheet: String, text: some Translating) {
        page = Head(lang: text.language.rawValue, title: text.t("terms.document_title", match.needTitle), stylesheet: stylesheet)
        content = Content(text: TermsText(version, match: match, text))
    }
}
