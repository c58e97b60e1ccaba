import ExchangeCore
import Foundation

/// The Terms of Reference builder's form fields: a draft read from the posted fields, and the form's names for the
/// fields the domain reports. `TermsBuilder` renders them.
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

    /// The posted fields that `draft(from:)` reads back as `d`, for a draft kept on someone's behalf.
    static func fields(of d: TermsOfReferenceDraft) -> [String: String] {
        var body: [String: String] = [:]
        let plain: [(String, String?)] = [
            ("start", d.start), ("months", d.months), ("meeting_cadence", d.meetingCadence), ("decision_making", d.decisionMaking),
            ("escalation", d.escalation), ("success_statement", d.successStatement), ("communication_what", d.communicationWhat),
            ("communication_channels", d.communicationChannels), ("communication_consent", d.communicationConsent),
            ("data_access", d.dataAccess), ("data_rules", d.dataRules), ("values_tailoring", d.valuesTailoring),
        ]
        for (name, value) in plain { body[name] = value }
        for (i, row) in d.people.enumerated() {
            (body["person_name_\(i)"], body["person_side_\(i)"], body["person_role_\(i)"]) = (row.name, row.side, row.responsibilities)
        }
        for (i, row) in d.goals.enumerated() { (body["goal_text_\(i)"], body["goal_area_\(i)"]) = (row.text, row.supportArea) }
        for (i, row) in d.deliverables.enumerated() {
            (body["deliverable_goal_\(i)"], body["deliverable_title_\(i)"], body["deliverable_due_\(i)"]) = (row.goal, row.title, row.due)
        }
        for (i, row) in d.milestones.enumerated() { (body["milestone_title_\(i)"], body["milestone_due_\(i)"]) = (row.title, row.due) }
        return body
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
}
