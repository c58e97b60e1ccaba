import ExchangeCore
import Foundation

/// The Terms of Reference builder as the template renders it: each field with its value and error, and spare empty
/// rows so lists grow without JavaScript.
struct TermsBuilder: Encodable, Sendable {
    let start: FieldInput
    let months: FieldInput
    let people: [PersonRow]
    /// Meeting cadence, decision making, escalation.
    let governance: [FieldInput]
    let goals: [GoalRow]
    let deliverables: [DeliverableRow]
    let milestones: [MilestoneRow]
    let success: FieldInput
    /// What is published, where, with whose consent.
    let communication: [FieldInput]
    let access: Choice
    let rules: FieldInput
    let tailoring: FieldInput
    /// Errors on a whole list, such as a side nobody represents.
    let peopleError: String?
    let goalsError: String?
    let milestonesError: String?

    struct Choice: Encodable, Sendable {
        let id: String
        let options: [Option]
        let error: String?
    }

    struct PersonRow: Encodable, Sendable { let number: Int; let name: FieldInput; let side: Choice; let role: FieldInput }
    struct GoalRow: Encodable, Sendable { let number: Int; let text: FieldInput; let area: Choice }
    struct DeliverableRow: Encodable, Sendable { let number: Int; let goal: FieldInput; let title: FieldInput; let due: FieldInput }
    struct MilestoneRow: Encodable, Sendable { let number: Int; let title: FieldInput; let due: FieldInput }

    init(_ d: TermsOfReferenceDraft, supportAreas: [Int], errors form: FormState, text: some Translating) {
        func input(_ id: String, _ value: String?) -> FieldInput { FieldInput(id: id, value: value ?? "", error: form.errors[id]) }
        func labelled(_ id: String, _ value: String?) -> FieldInput {
            FieldInput(id: id, value: value ?? "", error: form.errors[id], label: text.t("terms.field.\(id)"))
        }
        func padded<T>(_ rows: [T], spare: Int, minimum: Int, empty: T) -> [T] {
            rows + Array(repeating: empty, count: max(spare, minimum - rows.count))
        }
        let sides = { (i: Int, value: String?) in
            Choice(id: "person_side_\(i)", options: Option.cases(TermsSide.allCases, labels: "terms.side", selected: value, text),
                   error: form.errors["person_side_\(i)"])
        }
        let areas = { (i: Int, value: String?) in
            Choice(id: "goal_area_\(i)", options: supportAreas.map {
                Option(value: String($0), label: text.t("support_area.\($0)"), selected: value == String($0))
            }, error: form.errors["goal_area_\(i)"])
        }
        people = padded(d.people, spare: 1, minimum: 4, empty: .init()).enumerated().map { i, row in
            PersonRow(number: i + 1, name: input("person_name_\(i)", row.name), side: sides(i, row.side), role: input("person_role_\(i)", row.responsibilities))
        }
        goals = padded(d.goals, spare: 1, minimum: 2, empty: .init()).enumerated().map { i, row in
            GoalRow(number: i + 1, text: input("goal_text_\(i)", row.text), area: areas(i, row.supportArea))
        }
        deliverables = padded(d.deliverables, spare: 2, minimum: 3, empty: .init()).enumerated().map { i, row in
            DeliverableRow(number: i + 1, goal: input("deliverable_goal_\(i)", row.goal), title: input("deliverable_title_\(i)", row.title),
                           due: input("deliverable_due_\(i)", row.due))
        }
        milestones = padded(d.milestones, spare: 1, minimum: 3, empty: .init()).enumerated().map { i, row in
            MilestoneRow(number: i + 1, title: input("milestone_title_\(i)", row.title), due: input("milestone_due_\(i)", row.due))
        }
        start = input("start", d.start)
        months = input("months", d.months)
        governance = [labelled("meeting_cadence", d.meetingCadence), labelled("decision_making", d.decisionMaking), labelled("escalation", d.escalation)]
        success = input("success_statement", d.successStatement)
        communication = [labelled("communication_what", d.communicationWhat), labelled("communication_channels", d.communicationChannels),
                         labelled("communication_consent", d.communicationConsent)]
        access = Choice(id: "data_access", options: Option.cases(DataAccess.allCases, labels: "data_access", selected: d.dataAccess, text),
                        error: form.errors["data_access"])
        rules = input("data_rules", d.dataRules)
        tailoring = input("values_tailoring", d.valuesTailoring)
        peopleError = form.errors["people"]
        goalsError = form.errors["goals"]
        milestonesError = form.errors["milestones"]
    }
}
