import ExchangeCore
import Foundation
import SecureReporting

/// Coordinators' view of reporting: this month's surges per subject and region (never public), and per subject how
/// many reports lacked the evidence minimum, so its questionnaire can be improved.
struct ReportOversightPage: PageModel {
    static let template = "report_oversight"
    let titleKey = "oversight.title"

    struct Intake: Sendable { let title: LocalizedText; let reports: Int; let lacking: Int }
    struct SurgeRow: Encodable, Sendable, Equatable { let subject: String; let region: String; let observed: String; let expected: String }
    struct IntakeRow: Encodable, Sendable, Equatable { let subject: String; let reports: String; let lacking: String; let share: String }

    let surges: [SurgeRow]
    let intake: [IntakeRow]
    let routingHref: String
    let statisticsHref: String

    init(surges: [SurgeAlert], intake: [Intake], subjects: [String: LocalizedText], text: some Translating) {
        let labels = ReportStatisticsPage.Labels(subjects: subjects, text: text)
        self.surges = surges.map { alert in
            SurgeRow(subject: labels.value(alert.category, of: .category), region: labels.value(alert.region, of: .region),
                     observed: text.number(alert.surge.observed), expected: text.decimal(alert.surge.expected))
        }
        self.intake = intake.map { row in
            IntakeRow(subject: row.title[text.language], reports: text.number(row.reports), lacking: text.number(row.lacking),
                      share: row.reports == 0 ? "—" : labels.percent(Double(row.lacking) / Double(row.reports)))
        }
        (routingHref, statisticsHref) = (ComplaintRoutingRoute.table.link(), ReportStatisticsRoute.dashboard.link())
    }
}
