import ExchangeCore
import Foundation
import SecureReporting

/// One reporting subject: who receives its reports and for how long (a form), and its questionnaire's versions.
struct ReportSubjectPage: PageModel {
    static let template = "report_subject"
    let titleKey = "subjects.subject_heading"

    struct Context: Sendable { let id: UUID; let key: String; let channel: ReportChannel; let title: LocalizedText; let recipientCount: Int }
    struct Version: Sendable { let number: Int; let publishedAt: Date; let publishedBy: String?; let longestPath: Int }
    struct VersionRow: Encodable, Sendable, Equatable { let number: String; let published: String; let by: String; let path: String }
    struct RecipientRow: Encodable, Sendable, Equatable {
        let heading: String
        let keyName: String; let keyID: String; let key: String; let keyError: String?
        let organisationName: String; let organisationID: String; let organisations: [Option]; let organisationError: String?
    }

    let title: String
    let key: String
    let channel: String
    let builderHref: String
    let reportingHref: String
    let settingsAction: String
    let retentionDays: String
    let retentionError: String?
    let recipients: [RecipientRow]
    /// Keys the questionnaire's rules name that no recipient row has: those rules would reach no one.
    let unmatchedKeys: [String]
    /// Nobody receives its reports yet, so the form refuses them (409 `report_no_recipients`).
    let receivesNothing: Bool
    let versions: [VersionRow]
    let form: FormState

    init(context: Context, versions: [Version], ruleKeys: [String], organisations: [(id: UUID, name: String)], form: FormState,
         text: some Translating) {
        title = context.title[text.language]
        (key, channel) = (context.key, text.t("subjects.channel.\(context.channel.rawValue)"))
        builderHref = ReportSubjectRoute.builder.link(context.id)
        reportingHref = ReportIntakeRoute.form.link(context.key)
        settingsAction = ReportSubjectRoute.settings.link(context.id)
        let values = form.values
        (retentionDays, retentionError) = (values["retention_days"] ?? "", form.errors["retention_days"])
        recipients = ReportContextSettings.rows(values).map { row in
            let (keyName, organisationName) = ("recipient_key_\(row)", "recipient_organisation_\(row)")
            return RecipientRow(heading: text.t("subjects.recipient_n", text.number(row + 1)), keyName: keyName, keyID: keyName, key: values[keyName] ?? "", keyError: form.errors[keyName],
                                organisationName: organisationName, organisationID: organisationName,
                                organisations: [Option(value: "", label: text.t("form.choose"), selected: (values[organisationName] ?? "").isEmpty)]
                                    + organisations.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: values[organisationName] == $0.id.uuidString.lowercased()) },
                                organisationError: form.errors[organisationName])
        }
        let held = Set(recipients.map(\.key).filter { !$0.isEmpty })
        unmatchedKeys = ruleKeys.filter { !held.contains($0) }
        receivesNothing = context.recipientCount == 0
        self.versions = versions.map { version in
            VersionRow(number: text.number(version.number), published: text.day(version.publishedAt),
                       by: version.publishedBy ?? text.t("subjects.by_installation"),
                       path: text.t("builder.path_count", text.number(version.longestPath), text.number(ReportQuestionnaire.maximumPath)))
        }
        self.form = form
    }

    /// The settings form filled from the stored subject, with empty rows to add recipients.
    static func form(_ context: ReportContext) -> FormState {
        var values = ["retention_days": String(context.retentionDays)]
        for (row, recipient) in context.recipients.enumerated() {
            values["recipient_key_\(row)"] = recipient.key
            values["recipient_organisation_\(row)"] = recipient.organisationID.uuidString.lowercased()
        }
        for row in context.recipients.count..<(context.recipients.count + ReportContextSettings.blankRows) {
            (values["recipient_key_\(row)"], values["recipient_organisation_\(row)"]) = ("", "")
        }
        return FormState(values: values)
    }

    /// The settings form's labels, for its error summary: "Recipient 2: key".
    static func labels(_ values: [String: String], _ text: some Translating) -> [String: String] {
        var labels = ["retention_days": text.t("subjects.retention_days")]
        for row in ReportContextSettings.rows(values) {
            labels["recipient_key_\(row)"] = text.t("subjects.recipient_key_n", text.number(row + 1))
            labels["recipient_organisation_\(row)"] = text.t("subjects.recipient_organisation_n", text.number(row + 1))
        }
        return labels
    }
}
