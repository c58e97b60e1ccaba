import ExchangeCore
import Foundation

/// An engagement's closing report with the facts it draws on, each party's consent to publish it item by item, and
/// the links on to publication.
struct ReportPage: PageModel {
    static let template = "report"
    let titleKey = "report.title"

    struct ConsentRow: Encodable, Sendable, Equatable { let item: String; let label: String; let mine: Bool; let body: Bool; let expert: Bool }
    struct DecisionRow: Encodable, Sendable, Equatable { let date: String; let text: String }
    struct ItemRow: Encodable, Sendable, Equatable { let title: String; let status: String }

    /// What the reader may do here.
    struct Permissions: Sendable {
        var edit = false
        /// The side the reader consents for, if a party.
        var party: DeclaringParty?
        var publish = false
    }

    let matchHref: String
    let needTitle: String
    let successStatement: String?
    let deliverables: [ItemRow]
    let decisions: [DecisionRow]
    let recommendations: [String]
    let editAction: String?
    let consentAction: String?
    let consents: [ConsentRow]
    let publicationHref: String?
    let publicHref: String?
    let form: FormState

    init(match: MatchHeading, facts: PublicationService.Facts, consents: PublicationConsents, published: Bool, may: Permissions,
         values: [String: String], errors: [FieldError], text: some Translating) {
        let id = match.id
        matchHref = match.href
        needTitle = match.needTitle
        successStatement = facts.successStatement
        deliverables = facts.deliverables.map { ItemRow(title: $0.title, status: text.t("work.status.\($0.status.rawValue)")) }
        decisions = facts.decisions.map { DecisionRow(date: text.day(stored: $0.date), text: $0.text) }
        recommendations = facts.recommendations
        editAction = may.edit ? ReportRoute.save.link(id) : nil
        consentAction = may.party != nil ? ReportRoute.consent.link(id) : nil
        self.consents = PublicationItem.allCases.map { item in
            let given = consents.given[item, default: []]
            return ConsentRow(item: item.rawValue, label: text.t("publication.item.\(item.rawValue)"), mine: may.party.map(given.contains) ?? false,
                              body: given.contains(.publicBody), expert: given.contains(.expert))
        }
        publicationHref = may.publish ? ReportRoute.publicationForm.link(id) : nil
        publicHref = published ? PublicRoute.show.link(id) : nil
        form = FormState(values: values, errors: errors, on: text)
    }
}
