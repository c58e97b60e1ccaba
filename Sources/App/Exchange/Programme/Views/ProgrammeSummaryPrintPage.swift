import ExchangeCore
import Foundation

/// The programme summary ready to print or to turn into a PDF, in the `page` and `content` shape of every page.
struct ProgrammeSummaryPrintPage: Encodable, Sendable {
    static let template = "programme_summary"

    struct Head: Encodable, Sendable { let lang: String; let title: String; let stylesheet: String }
    struct Content: Encodable, Sendable {
        let summary: ProgrammeSummaryController.Summary
        let date: String
        let needsMetShare: String
        let knowledge: String
        let interval: String
    }

    let page: Head
    let content: Content

    init(summary: ProgrammeSummaryController.Summary, stylesheet: String, text: some Translating) {
        let share = summary.needsEvaluated == 0 ? nil : Double(summary.needsMet) / Double(summary.needsEvaluated)
        page = Head(lang: text.language.rawValue, title: text.t("programme.summary_title"), stylesheet: stylesheet)
        content = Content(summary: summary, date: text.day(summary.generatedAt), needsMetShare: ProgrammeFigures.percent(share, text),
                          knowledge: ProgrammeFigures.signed(summary.knowledgeGain, text),
                          interval: ProgrammeFigures.interval(summary.knowledgeLow, summary.knowledgeHigh, text))
    }
}
