import ExchangeCore
import Foundation

/// A party's report that someone promoted or sold something in the exchange.
struct MarketingConcernReportPage: PageModel {
    static let template = "marketing_concern_report"
    let titleKey = "marketing_concern.report_title"

    let matchHref: String
    let needTitle: String
    let action: String
    let form: FormState

    init(match: MatchHeading, values: [String: String], errors: [FieldError], text: some Translating) {
        matchHref = match.href
        needTitle = match.needTitle
        action = MarketingConcernRoute.report.link(match.id)
        form = FormState(values: values, errors: errors, on: text)
    }
}

/// A reported concern as programme staff read it, with who reported it, and the decision form while it is open.
struct MarketingConcernPage: PageModel {
    static let template = "marketing_concern"
    let titleKey = "marketing_concern.title"

    /// The concern as reported and, once decided, its outcome.
    struct Concern: Sendable {
        let id: UUID
        let reporter: String
        let party: DeclaringParty
        let reportedAt: Date
        let description: String
        let links: [String]
        let status: MarketingConcernStatus
        let outcomeText: String?
    }

    let matchHref: String
    let needTitle: String
    let reporter: String
    let party: String
    let reportedAt: String
    let description: String
    let links: [String]
    let status: String
    let outcomeText: String?
    let action: String?
    let outcomes: [Option]
    let alternates: [Option]
    let form: FormState

    /// `alternates` are offered only while the concern is open.
    init(match: MatchHeading, concern: Concern, alternates: [Option], values: [String: String], errors: [FieldError], text: some Translating) {
        let open = concern.status == .open
        matchHref = match.href
        needTitle = match.needTitle
        reporter = concern.reporter
        party = text.t("declaration.party.\(concern.party.rawValue)")
        reportedAt = text.day(concern.reportedAt)
        description = concern.description
        links = concern.links
        status = text.t("marketing_concern.status.\(concern.status.rawValue)")
        outcomeText = concern.outcomeText
        action = open ? MarketingConcernRoute.decide.link(match.id, concern.id) : nil
        outcomes = Option.cases(MarketingConcernStatus.allCases.filter(\.isDecided), labels: "marketing_concern.status", selected: values["outcome"], text)
        self.alternates = open ? alternates : []
        form = FormState(values: values, errors: errors, on: text)
    }
}

extension MarketingConcern {
    /// Needs `reporter` loaded, as `MarketingConcernService.find` does.
    var pageValues: MarketingConcernPage.Concern {
        get throws {
            .init(id: try requireID(), reporter: reporter.displayName, party: reporterParty, reportedAt: reportedAt, description: text,
                  links: links, status: status, outcomeText: outcomeText)
        }
    }
}
