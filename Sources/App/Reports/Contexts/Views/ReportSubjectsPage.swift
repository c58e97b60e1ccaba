import ExchangeCore
import Foundation
import SecureReporting

/// Every reporting subject with its current questionnaire, and the form that starts a new subject from a seed or from
/// another subject's questionnaire.
struct ReportSubjectsPage: PageModel {
    static let template = "report_subjects"
    let titleKey = "subjects.title"

    struct Subject: Sendable {
        let id: UUID; let key: String; let channel: ReportChannel; let title: LocalizedText
        let version: Int?; let publishedAt: Date?; let recipients: Int; let longestPath: Int?
    }

    struct Row: Encodable, Sendable, Equatable {
        let title: String; let href: String; let key: String; let channel: String
        let version: String; let published: String; let recipients: String; let path: String
    }

    let rows: [Row]
    let channels: [Option]
    let starts: [Option]
    let createAction: String
    let form: FormState

    init(subjects: [Subject], seeds: [(key: String, title: LocalizedText)], form: FormState, text: some Translating) {
        rows = subjects.map { subject in
            Row(title: subject.title[text.language], href: ReportSubjectRoute.subject.link(subject.id), key: subject.key,
                channel: text.t("subjects.channel.\(subject.channel.rawValue)"), version: subject.version.map(text.number) ?? "—",
                published: text.day(subject.publishedAt, none: "—"), recipients: text.number(subject.recipients),
                path: subject.longestPath.map { text.t("builder.path_count", text.number($0), text.number(ReportQuestionnaire.maximumPath)) } ?? "—")
        }
        let chosen = form.values
        channels = ReportChannel.allCases.map { Option(value: $0.rawValue, label: text.t("subjects.channel.\($0.rawValue)"), selected: chosen["channel"] == $0.rawValue) }
        starts = seeds.map { Option(value: "seed:\($0.key)", label: text.t("subjects.start_seed", $0.title[text.language]), selected: chosen["start"] == "seed:\($0.key)") }
            + subjects.map { Option(value: "subject:\($0.key)", label: text.t("subjects.start_copy", $0.title[text.language]), selected: chosen["start"] == "subject:\($0.key)") }
        createAction = ReportSubjectRoute.create.link()
        self.form = form
    }

    /// The new-subject form's labels, for its error summary.
    static func labels(_ text: some Translating) -> [String: String] {
        var labels = ["key": text.t("subjects.key"), "channel": text.t("subjects.channel"), "start": text.t("subjects.start")]
        for language in SupportedLanguage.allCases { labels["title_\(language.rawValue)"] = Self.titleLabel(language, text) }
        return labels
    }

    static func titleLabel(_ language: SupportedLanguage, _ text: some Translating) -> String {
        "\(text.t("subjects.subject_title")) (\(text.t("language.\(language.rawValue)")))"
    }
}
