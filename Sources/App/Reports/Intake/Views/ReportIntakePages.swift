import ExchangeCore
import Foundation
import SecureReporting

/// Every subject one can report on, by channel.
struct ReportContextsPage: PageModel {
    static let template = "reporting_contexts"
    let titleKey = "reporting.title"

    struct Group: Encodable, Sendable, Equatable {
        let heading: String
        let intro: String
        let rows: [Row]
    }
    struct Row: Encodable, Sendable, Equatable { let href: String; let title: String }
    let groups: [Group]
    let followUp: String

    init(contexts: [(key: String, channel: ReportChannel, title: LocalizedText)], text: some Translating) {
        let query = [URLQueryItem(name: "lang", value: text.language.rawValue)]
        groups = ReportChannel.allCases.compactMap { channel in
            let rows = contexts.filter { $0.channel == channel }.map { Row(href: ReportIntakeRoute.form.link($0.key, query: query), title: $0.title[text.language]) }
            return rows.isEmpty ? nil : Group(heading: text.t("reporting.channel.\(channel.rawValue)"), intro: text.t("reporting.channel.\(channel.rawValue)_intro"), rows: rows)
        }
        followUp = ReportIntakeRoute.followUp.link(query: query)
    }
}

/// A questionnaire as a form: its steps as groups of questions, then the optional questions about the reporter.
struct ReportFormPage: PageModel {
    static let template = "reporting_form"
    let titleKey = "reporting.form_title"

    struct Choice: Encodable, Sendable, Equatable { let value: String; let label: String; let checked: Bool }
    struct Question: Encodable, Sendable, Equatable {
        let id: String
        let kind: String
        let label: String
        let help: String
        let why: String
        let required: Bool
        /// Which earlier answer shows this question, in words; nil when always asked.
        let onlyIf: String?
        let value: String
        let choices: [Choice]
        let error: String?
    }
    /// A step of the report, or last, the optional questions about the reporter (`note` says they are kept apart);
    /// `identityBefore`: the sealed identity is asked just before it, so that questions about the reporter stay last.
    struct Section: Encodable, Sendable, Equatable {
        let title: String
        let onlyIf: String?
        let note: String?
        let questions: [Question]
        var identityBefore = false
        var updatesBefore = false
    }

    let heading: String
    let action: String
    let token: String
    let sections: [Section]
    let blocks: [String]
    /// Why the whole sending was refused for now (too many reports at once), answers kept.
    let refusal: String?
    /// The optional, separately sealed identity is asked after the report's steps (only when a custodian can keep
    /// it): before the questions about the reporter, or here at the end when there are none.
    let identityAtEnd: Bool
    /// A complaint may also leave an address for status updates, asked where the identity is.
    let updatesAtEnd: Bool
    let form: FormState

    init(context: String, title: LocalizedText, questionnaire: ReportQuestionnaire, token: String, regions: [(code: String, name: String)],
         form: FormState, chosen: [String: [String]] = [:], blocks: [LocalizedText], refusal: String? = nil, offersIdentity: Bool = false,
         offersUpdates: Bool = false, text: some Translating) {
        let language = text.language
        heading = title[language]
        action = ReportIntakeRoute.submit.link(context, query: [URLQueryItem(name: "lang", value: language.rawValue)])
        self.token = token
        self.form = form
        self.blocks = blocks.map { $0[language] }
        self.refusal = refusal
        func onlyIf(_ condition: Condition?) -> String? {
            guard let condition, let question = questionnaire.field(condition.field) else { return nil }
            let answer = question.options.first { $0.id == condition.value }?.label[language] ?? text.t("reporting.answer.\(condition.value)")
            return text.t("reporting.only_if", [question.label[language], answer])
        }
        func question(_ q: ReportQuestion, optional: Bool = false) -> Question {
            let picked = Set(chosen[q.id] ?? [])
            let choices: [Choice] = switch q.kind {
            case .choice, .multipleChoice: q.options.map { Choice(value: $0.id, label: $0.label[language], checked: picked.contains($0.id)) }
            case .yesNo: YesNo.allCases.map { Choice(value: $0.rawValue, label: text.t("reporting.answer.\($0.rawValue)"), checked: picked.contains($0.rawValue)) }
            case .location: regions.map { Choice(value: $0.code, label: $0.name, checked: picked.contains($0.code)) }
            default: []
            }
            return Question(id: q.id, kind: q.kind.rawValue, label: q.label[language], help: q.help[language], why: q.why[language],
                            required: q.required && !optional, onlyIf: onlyIf(q.showWhen), value: form.values[q.id] ?? "", choices: choices,
                            error: form.errors[q.id])
        }
        // Files are sent from the follow-up page once the report is sealed (its reply form), so the form asks for none.
        let report = questionnaire.steps.map { step in
            Section(title: step.title[language], onlyIf: onlyIf(step.showWhen), note: nil, questions: step.fields.filter { $0.kind != .file }.map { question($0) })
        }
        let aboutYou = Section(title: text.t("reporting.about_you"), onlyIf: nil, note: text.t("reporting.about_you_note"),
                               questions: questionnaire.demographics.map { question($0, optional: true) }, identityBefore: offersIdentity,
                               updatesBefore: offersUpdates)
        sections = (report + [aboutYou]).filter { !$0.questions.isEmpty }
        identityAtEnd = offersIdentity && aboutYou.questions.isEmpty
        updatesAtEnd = offersUpdates && aboutYou.questions.isEmpty
    }
}

/// The receipt, shown once.
struct ReportReceiptPage: PageModel {
    static let template = "reporting_receipt"
    let titleKey = "reporting.receipt_title"
    let receipt: String
    let followUp: String

    init(receipt: Receipt, text: some Translating) {
        self.receipt = receipt.description
        followUp = ReportIntakeRoute.followUp.link(query: [URLQueryItem(name: "lang", value: text.language.rawValue)])
    }
}

/// Coming back: the receipt, typed in.
struct ReportFollowUpPage: PageModel {
    static let template = "reporting_follow_up"
    let titleKey = "reporting.follow_up_title"
    let action: String
    let form: FormState

    init(form: FormState, text: some Translating) {
        action = ReportIntakeRoute.thread.link(query: [URLQueryItem(name: "lang", value: text.language.rawValue)])
        self.form = form
    }
}

/// A report's status and messages, for the person who sent it, with a reply form.
struct ReportThreadPage: PageModel {
    static let template = "reporting_thread"
    let titleKey = "reporting.thread_title"

    /// `files`: the names of the files sent with it, each with its size.
    struct Message: Encodable, Sendable, Equatable { let from: String; let day: String; let text: String; let files: [String] }
    let status: String
    let messages: [Message]
    let receipt: String
    let token: String
    let action: String
    let sent: Bool
    let form: FormState

    init(thread: ReportThread, receipt: String, token: String, form: FormState, sent: Bool = false, text: some Translating) {
        status = text.t("reporting.status.\(thread.status.rawValue)")
        messages = thread.messages.map {
            Message(from: text.t($0.fromWhistleblower ? "reporting.from_you" : "reporting.from_recipient"), day: text.day($0.day), text: $0.said(text),
                    files: $0.files.map { text.t("reporting.file_entry", [$0.name, text.fileSize($0.sealedBytes)]) })
        }
        (self.receipt, self.token) = (receipt, token)
        action = ReportIntakeRoute.reply.link(query: [URLQueryItem(name: "lang", value: text.language.rawValue)])
        (self.sent, self.form) = (sent, form)
    }
}
