import ExchangeCore
import Foundation
import SecureReporting

/// The form for forwarding a redacted copy: where it goes, which answers it carries, and a note. Nothing is
/// ticked at first, so every answer passed on is passed on deliberately.
struct ForwardReportPage: PageModel {
    static let template = "forward_report"
    let titleKey = "forward.title"

    struct Choice: Encodable, Sendable, Equatable { let value: String; let question: String; let answer: String; let checked: Bool }

    let heading: String
    let backHref: String
    let action: String
    let forwardID: String
    let organisations: [Option]
    let answers: [Choice]
    let form: FormState

    init(_ draft: ReportForwardingService.Draft, forwardID: UUID, kept: Set<String>?, form: FormState, text: some Translating) {
        let reportID = draft.thread.reportID
        heading = draft.context.title[text.language]
        (backHref, action, self.forwardID) = (ReceivedReportsRoute.show.link(reportID), ForwardRoute.send.link(reportID), forwardID.uuidString.lowercased())
        organisations = draft.targets.compactMap { organisation in
            organisation.id.map { id in
                Option(value: id.uuidString.lowercased(), label: organisation.name, selected: form.values["organisation"]?.lowercased() == id.uuidString.lowercased())
            }
        }
        answers = draft.questionnaire.reportFields.map(\.field).compactMap { question in
            draft.thread.answers[question.id].map {
                Choice(value: question.id, question: question.label[text.language], answer: ReceivedReportPage.words($0, for: question, text),
                       checked: kept?.contains(question.id) ?? false)
            }
        }
        self.form = form
    }
}

/// A redacted copy, opened for a reader of the organisation it was sent to: the answers passed on, the questions
/// withheld, and the sender's note.
struct ForwardedCopyPage: PageModel {
    static let template = "forwarded_report"
    let titleKey = "forward.copy_title"

    let heading: String
    let sentBy: String
    let note: String
    let answers: [ReceivedReportPage.Answered]
    let withheld: [String]
    let listHref: String

    init(_ opened: ReportForwardingService.Opened, text: some Translating) {
        heading = opened.title[text.language]
        sentBy = text.t("forward.sent_by", [opened.from, text.day(opened.forwardedOn)])
        note = opened.copy.note
        let questions = opened.questionnaire.reportFields.map(\.field)
        answers = questions.compactMap { q in
            opened.copy.answers[q.id].map { ReceivedReportPage.Answered(question: q.label[text.language], answer: ReceivedReportPage.words($0, for: q, text)) }
        }
        withheld = opened.copy.withheld.compactMap { id in questions.first { $0.id == id }?.label[text.language] }
        listHref = ReceivedReportsRoute.list.link()
    }
}
