import ExchangeCore
import Foundation
import SecureReporting
import Vapor

/// A questionnaire as the API and the command line write it: the builder's shape, with each rule's effect named
/// (`add`, `exclude`, `block`) beside its recipients or its explanation. The check's problem paths
/// (`steps[1].fields[0].help.fr`, `rules[0].recipients`) are paths into this document.
struct QuestionnaireDocument: Content, Equatable {
    struct RuleDocument: Codable, Equatable, Sendable {
        var when: Condition
        var effect: QuestionnaireForm.Effect
        /// For `add` and `exclude`: recipient keys.
        var recipients: [String]?
        /// For `block`: what the reporter is told instead.
        var reason: LocalizedText?
    }

    var steps: [Step]
    var demographics: [ReportQuestion]
    var rules: [RuleDocument]

    init(_ questionnaire: ReportQuestionnaire) {
        (steps, demographics) = (questionnaire.steps, questionnaire.demographics)
        rules = questionnaire.rules.map { rule in
            switch rule.effect {
            case .addRecipients(let keys): RuleDocument(when: rule.when, effect: .add, recipients: keys)
            case .excludeRecipients(let keys): RuleDocument(when: rule.when, effect: .exclude, recipients: keys)
            case .block(let reason): RuleDocument(when: rule.when, effect: .block, reason: reason)
            }
        }
    }

    /// The questionnaire it describes; what is missing is left for the check to name.
    var questionnaire: ReportQuestionnaire {
        ReportQuestionnaire(steps: steps, demographics: demographics, rules: rules.map { rule in
            switch rule.effect {
            case .add: Rule(when: rule.when, .addRecipients(rule.recipients ?? []))
            case .exclude: Rule(when: rule.when, .excludeRecipients(rule.recipients ?? []))
            case .block: Rule(when: rule.when, .block(rule.reason ?? .blank))
            }
        })
    }
}

/// A subject as the API lists it.
struct ReportSubjectDTO: Content {
    struct Recipient: Content, Equatable {
        let key: String
        let organisation: UUID
    }

    let id: UUID
    let key: String
    let channel: ReportChannel
    let title: LocalizedText
    let retentionDays: Int
    let recipients: [Recipient]
    /// The current questionnaire's number.
    let version: Int?

    init(_ context: ReportContext, version: Int?) throws {
        (id, key, channel, title) = (try context.requireID(), context.key, context.channel, context.title)
        (retentionDays, recipients) = (context.retentionDays, context.recipients.map { Recipient(key: $0.key, organisation: $0.organisationID) })
        self.version = version
    }
}

/// A new subject: a key for addresses, a channel, a title in three languages, and where its questionnaire starts
/// (`seed:<key>` or `subject:<key>`).
struct ReportSubjectInput: Content {
    var key: String?
    var channel: ReportChannel?
    var title: LocalizedText?
    var start: String?

    /// The same fields as the page's form.
    var formValues: [String: String] {
        ["key": key ?? "", "channel": channel?.rawValue ?? "", "title_en": title?.en ?? "", "title_fr": title?.fr ?? "",
         "title_es": title?.es ?? "", "start": start ?? ""]
    }
}

struct ReportSubjectSettingsInput: Content {
    var retentionDays: Int?
    var recipients: [ReportSubjectDTO.Recipient]?

    /// The same fields as the page's form, one row per recipient.
    var formValues: [String: String] {
        var values = ["retention_days": retentionDays.map(String.init) ?? ""]
        for (row, recipient) in (recipients ?? []).enumerated() {
            (values["recipient_key_\(row)"], values["recipient_organisation_\(row)"]) = (recipient.key, recipient.organisation.uuidString)
        }
        return values
    }
}

/// A published version with the longest path a reporter can be shown.
struct QuestionnaireVersionDTO: Content {
    let number: Int
    let publishedAt: Date
    let longestPath: [String]
    let questionnaire: QuestionnaireDocument

    init(_ version: QuestionnaireVersion) {
        (number, publishedAt) = (version.number, version.publishedAt)
        (longestPath, questionnaire) = (version.questionnaire.longestPath(), QuestionnaireDocument(version.questionnaire))
    }
}

/// The next version, edited from `base` (the version the edit started from; omitted: whatever is current).
struct QuestionnairePublicationInput: Content {
    var base: Int?
    var questionnaire: QuestionnaireDocument
}
