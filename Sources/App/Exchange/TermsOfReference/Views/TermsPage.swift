import ExchangeCore
import Foundation

/// A match's Terms of Reference: the current version, the earlier ones, the signatures, the exports and, for those
/// who may edit, the builder.
struct TermsPage: PageModel {
    static let template = "terms"
    let titleKey = "terms.title"

    struct VersionLink: Encodable, Sendable, Equatable {
        let number: Int
        let href: String
        let date: String
        let signatures: Int
    }

    let matchHref: String
    let needTitle: String
    let stage: String
    let current: TermsText?
    let currentHref: String?
    let versions: [VersionLink]
    let signAction: String?
    let signingAs: String?
    let exports: [Option]
    let editAction: String?
    let builder: TermsBuilder?
    /// Says that the builder shows a kept draft rather than the current version, and how far it is from one.
    let keptNotice: String?
    let values: [String]
    let form: FormState

    /// A draft kept between sittings: who kept it and when.
    struct Kept: Sendable {
        let by: String
        let at: Date
    }

    /// `versions` newest first; `side` is the side the reader signs for, if any; `draft` fills the builder, and is
    /// the kept one when `kept` says so.
    init(match: MatchHeading, stage: EngagementStage, versions: [TermsEdition], side: TermsSide?, mayEdit: Bool, draft: TermsOfReferenceDraft,
         kept: Kept? = nil, supportAreas: [Int], form: FormState, text: some Translating) {
        let id = match.id
        let canEdit = mayEdit && [.torDrafting, .torSigned].contains(stage)
        let current = versions.first
        matchHref = match.href
        needTitle = match.needTitle
        self.stage = text.t("engagement.stage.\(stage.rawValue)")
        self.current = current.map { TermsText($0, match: match, text) }
        currentHref = current.map { TermsRoute.version.link(id, $0.number) }
        self.versions = versions.map {
            VersionLink(number: $0.number, href: TermsRoute.version.link(id, $0.number), date: text.day($0.createdAt), signatures: $0.signatures.count)
        }
        let unsigned = side.map { side in !(current?.isSigned(by: side) ?? true) } ?? false
        signAction = stage == .torDrafting && current != nil && unsigned && canEdit ? TermsRoute.sign.link(id) : nil
        signingAs = side.map { text.t("terms.side.\($0.rawValue)") }
        exports = current == nil ? [] : [("html", TermsRoute.exportHTML), ("json", TermsRoute.exportJSON), ("pdf", TermsRoute.exportPDF)].map {
            Option(value: $1.link(id), label: text.t("terms.export.\($0)"), selected: false)
        }
        editAction = canEdit ? TermsRoute.save.link(id) : nil
        builder = canEdit ? TermsBuilder(draft, supportAreas: supportAreas, errors: form, text: text) : nil
        keptNotice = canEdit ? kept.map {
            text.t("terms.draft_notice", $0.by, text.dateTime($0.at), text.number(form.errors.count))
        } : nil
        values = (1...TermsText.programmeValues).map { text.t("terms.value.\($0)") }
        self.form = form
    }
}
