import ExchangeCore
import Foundation

/// The coordinator's redaction of what the public will read, item by item where both sides consented, with a
/// preview of exactly that.
struct PublicationPage: PageModel {
    static let template = "publication"
    let titleKey = "publication.title"

    let reportHref: String
    let needTitle: String
    let items: [FieldInput]
    let withoutConsent: [String]
    let post: String
    let preview: PublicText?
    let action: String
    let form: FormState

    init(match: MatchHeading, texts: [PublicationItem: String], post: String, consents: PublicationConsents, preview: Bool, errors: [FieldError],
         text: some Translating) {
        let label = { (item: PublicationItem) in text.t("publication.item.\(item.rawValue)") }
        let form = FormState(values: [:], errors: errors, on: text,
                             labels: Dictionary(uniqueKeysWithValues: PublicationItem.allCases.map { ("text_\($0.rawValue)", label($0)) }))
        reportHref = ReportRoute.show.link(match.id)
        needTitle = match.needTitle
        items = consents.publishable.map {
            FieldInput(id: "text_\($0.rawValue)", value: texts[$0] ?? "", error: form.errors["text_\($0.rawValue)"], label: label($0))
        }
        withoutConsent = PublicationItem.allCases.filter { !consents.consented($0) }.map(label)
        self.post = post
        self.preview = preview
            ? PublicText(title: match.needTitle, texts: texts.filter { consents.consented($0.key) && !$0.value.trimmingWhitespace().isEmpty }, text)
            : nil
        action = ReportRoute.publish.link(match.id)
        self.form = form
    }
}
