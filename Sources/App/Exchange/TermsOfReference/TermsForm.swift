import ExchangeCore
import Vapor

/// The Terms of Reference builder as an HTML form: a draft read from the posted fields, and the rows a template
/// renders, with spare empty rows so lists grow without JavaScript.
enum TermsForm {
    static let maximumRows = 30

    static func draft(from body: [String: String]) -> TermsOfReferenceDraft {
        var d = TermsOfReferenceDraft()
        d.start = body["start"]
        d.months = body["months"]
        d.meetingCadence = body["meeting_cadence"]
        d.decisionMaking = body["decision_making"]
        d.escalation = body["escalation"]
        d.successStatement = body["success_statement"]
        d.communicationWhat = body["communication_what"]
        d.communicationChannels = body["communication_channels"]
        d.communicationConsent = body["communication_consent"]
        d.dataAccess = body["data_access"]
        d.dataRules = body["data_rules"]
        d.valuesTailoring = body["values_tailoring"]
        func rows<T>(_ prefix: String, _ make: (Int) -> T) -> [T] {
            let last = (0..<maximumRows).last { i in body.keys.contains { $0.hasPrefix(prefix) && $0.hasSuffix("_\(i)") } }
            return last.map { (0...$0).map(make) } ?? []
        }
        d.people = rows("person_") { .init(name: body["person_name_\($0)"], side: body["person_side_\($0)"], responsibilities: body["person_role_\($0)"]) }
        d.goals = rows("goal_") { .init(text: body["goal_text_\($0)"], supportArea: body["goal_area_\($0)"]) }
        d.deliverables = rows("deliverable_") {
            .init(goal: body["deliverable_goal_\($0)"], title: body["deliverable_title_\($0)"], due: body["deliverable_due_\($0)"])
        }
        d.milestones = rows("milestone_") { .init(title: body["milestone_title_\($0)"], due: body["milestone_due_\($0)"]) }
        return d
    }

    /// The form's names for the fields the domain reports: `goals[0].text` is `goal_text_0`.
    static let fields = FormFieldMap(
        rows: [
            "people": ["name": "person_name", "side": "person_side", "responsibilities": "person_role"],
            "goals": ["text": "goal_text", "supportArea": "goal_area"],
            "deliverables": ["goal": "deliverable_goal", "title": "deliverable_title", "due": "deliverable_due"],
            "milestones": ["title": "milestone_title", "due": "milestone_due"],
        ],
        plain: [
            "governance.meetingCadence": "meeting_cadence", "governance.decisionMaking": "decision_making",
            "governance.escalation": "escalation", "successStatement": "success_statement", "communication.what": "communication_what",
            "communication.channels": "communication_channels", "communication.consent": "communication_consent",
            "dataHandling.access": "data_access", "dataHandling.rules": "data_rules", "valuesTailoring": "values_tailoring",
        ])

    /// A field's value and its error, by id.
    struct Input: Encodable {
        let id: String
        let value: String
        let error: String?
        /// For fields a template lists in a loop.
        var label: String? = nil
    }

    struct Choice: Encodable {
        let id: String
        let options: [Option]
        let error: String?
    }

    struct PersonRow: Encodable { let number: Int; let name: Input; let side: Choice; let role: Input }
    struct GoalRow: Encodable { let number: Int; let text: Input; let area: Choice }
    struct DeliverableRow: Encodable { let number: Int; let goal: Input; let title: Input; let due: Input }
    struct MilestoneRow: Encodable { let number: Int; let title: Input; let due: Input }

    struct Builder: Encodable {
        let start: Input
        let months: Input
        let people: [PersonRow]
        /// Meeting cadence, decision making, escalation.
        let governance: [Input]
        let goals: [GoalRow]
        let deliverables: [DeliverableRow]
        let milestones: [MilestoneRow]
        let success: Input
        /// What is published, where, with whose consent.
        let communication: [Input]
        let access: Choice
        let rules: Input
        let tailoring: Input
        /// Errors on a whole list, such as a side nobody represents.
        let peopleError: String?
        let goalsError: String?
        let milestonesError: String?
    }

    static func builder(_ d: TermsOfReferenceDraft, supportAreas: [Int], errors form: FormState, _ req: Request) -> Builder {
        func input(_ id: String, _ value: String?) -> Input { Input(id: id, value: value ?? "", error: form.errors[id]) }
        func labelled(_ id: String, _ value: String?) -> Input {
            Input(id: id, value: value ?? "", error: form.errors[id], label: req.t("terms.field.\(id)"))
        }
        func padded<T>(_ rows: [T], spare: Int, minimum: Int, empty: T) -> [T] {
            rows + Array(repeating: empty, count: max(spare, minimum - rows.count))
        }
        let sides = { (i: Int, value: String?) in
            Choice(id: "person_side_\(i)", options: Option.cases(TermsSide.allCases, labels: "terms.side", selected: value, req),
                   error: form.errors["person_side_\(i)"])
        }
        let areas = { (i: Int, value: String?) in
            Choice(id: "goal_area_\(i)", options: supportAreas.map {
                Option(value: String($0), label: req.t("support_area.\($0)"), selected: value == String($0))
            }, error: form.errors["goal_area_\(i)"])
        }
        let people = padded(d.people, spare: 1, minimum: 4, empty: .init()).enumerated().map { i, row in
            PersonRow(number: i + 1, name: input("person_name_\(i)", row.name), side: sides(i, row.side), role: input("person_role_\(i)", row.responsibilities))
        }
        let goals = padded(d.goals, spare: 1, minimum: 2, empty: .init()).enumerated().map { i, row in
            GoalRow(number: i + 1, text: input("goal_text_\(i)", row.text), area: areas(i, row.supportArea))
        }
        let deliverables = padded(d.deliverables, spare: 2, minimum: 3, empty: .init()).enumerated().map { i, row in
            DeliverableRow(number: i + 1, goal: input("deliverable_goal_\(i)", row.goal), title: input("deliverable_title_\(i)", row.title),
                           due: input("deliverable_due_\(i)", row.due))
        }
        let milestones = padded(d.milestones, spare: 1, minimum: 3, empty: .init()).enumerated().map { i, row in
            MilestoneRow(number: i + 1, title: input("milestone_title_\(i)", row.title), due: input("milestone_due_\(i)", row.due))
        }
        return Builder(
            start: input("start", d.start), months: input("months", d.months), people: people,
            governance: [labelled("meeting_cadence", d.meetingCadence), labelled("decision_making", d.decisionMaking),
                         labelled("escalation", d.escalation)],
            goals: goals, deliverables: deliverables, milestones: milestones,
            success: input("success_statement", d.successStatement),
            communication: [labelled("communication_what", d.communicationWhat), labelled("communication_channels", d.communicationChannels),
                            labelled("communication_consent", d.communicationConsent)],
            access: Choice(id: "data_access", options: Option.cases(DataAccess.allCases, labels: "data_access", selected: d.dataAccess, req),
                           error: form.errors["data_access"]),
            rules: input("data_rules", d.dataRules), tailoring: input("values_tailoring", d.valuesTailoring),
            peopleError: form.errors["people"], goalsError: form.errors["goals"], milestonesError: form.errors["milestones"])
    }
}
