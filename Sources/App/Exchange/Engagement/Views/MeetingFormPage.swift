import ExchangeCore
import Foundation

/// The form that records a meeting: date, attendees, agenda, decisions, outcomes and up to five action items.
struct MeetingFormPage: PageModel {
    static let template = "meeting_form"
    let titleKey = "work.meeting_title"
    static let actionRows = 5

    struct ActionFields: Encodable, Sendable {
        let number: Int
        let description: FieldInput
        let owner: FieldInput
        let due: FieldInput
    }

    let workHref: String
    let needTitle: String
    let action: String
    let actions: [ActionFields]
    let form: FormState

    /// The form's names for the action rows the domain reports as `actions[0].due`.
    static let fields = FormFieldMap(rows: ["actions": ["description": "action_description", "owner": "action_owner", "due": "action_due"]])

    init(match: MatchHeading, draft: MeetingDraft, errors: [FieldError], text: some Translating) {
        let values = ["date": draft.date ?? "", "attendees": draft.attendees ?? "", "agenda": draft.agenda ?? "",
                      "decisions": draft.decisions ?? "", "outcomes": draft.outcomes ?? ""]
        let form = FormState(values: values, errors: errors, on: text)
        actions = (0..<Self.actionRows).map { i in
            let row = draft.actions.indices.contains(i) ? draft.actions[i] : .init()
            let input = { (id: String, value: String?) in
                FieldInput(id: id, value: value ?? "", error: form.errors[id], label: TermsFormLabels.label(id, text))
            }
            return ActionFields(number: i + 1, description: input("action_description_\(i)", row.description),
                                owner: input("action_owner_\(i)", row.owner), due: input("action_due_\(i)", row.due))
        }
        workHref = WorkRoute.show.link(match.id)
        needTitle = match.needTitle
        action = WorkRoute.recordMeeting.link(match.id)
        self.form = form
    }
}
