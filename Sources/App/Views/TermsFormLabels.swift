import Vapor

/// Names the Terms of Reference builder's fields in error summaries: "Goal 2: text" for `goal_text_1`.
enum TermsFormLabels {
    static let sections: Set<String> = [
        "start", "months", "people", "meeting_cadence", "decision_making", "escalation", "goals", "milestones", "success_statement",
        "communication_what", "communication_channels", "communication_consent", "data_access", "data_rules", "values_tailoring",
    ]
    static let rows: Set<String> = [
        "person_name", "person_side", "person_role", "goal_text", "goal_area", "deliverable_goal", "deliverable_title",
        "deliverable_due", "milestone_title", "milestone_due",
    ]

    static func label(_ field: String, _ req: Request) -> String? {
        if sections.contains(field) { return req.t("terms.field.\(field)") }
        guard let separator = field.lastIndex(of: "_"), let row = Int(field[field.index(after: separator)...]),
              rows.contains(String(field[..<separator])) else { return nil }
        return req.t("terms.row.\(field[..<separator])", String(row + 1))
    }
}
