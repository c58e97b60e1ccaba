import ExchangeCore
import Foundation

/// One checklist item's form: its status, notes and evidence links.
struct ChecklistItemPage: PageModel {
    static let template = "due_diligence_item"
    let titleKey = "due_diligence.item_title"

    let reviewHref: String
    let action: String
    let item: String
    let hint: String
    let statuses: [Option]
    let form: FormState

    /// `status`, `notes` and `links` as sent (or as stored), so a refused form comes back as it was.
    init(match: UUID, item: DueDiligenceItem, status: String?, notes: String, links: String, errors: [FieldError], text: some Translating) {
        reviewHref = DueDiligenceRoute.review.link(match)
        action = DueDiligenceRoute.saveItem.link(match, item)
        self.item = text.t("due_diligence.item.\(item.rawValue)")
        hint = text.t("due_diligence.hint.\(item.rawValue)")
        statuses = Option.cases(ChecklistStatus.allCases, labels: "due_diligence.status", selected: status, text)
        form = FormState(values: ["notes": notes, "links": links], errors: errors, on: text)
    }
}
