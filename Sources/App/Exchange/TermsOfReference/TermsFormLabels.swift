import Vapor

/// Names the fields of the Terms of Reference builder and the meeting form in error summaries: "Goal 2" for
/// `goal_text_1`, "Action 1: due date" for `action_due_0`.
enum TermsFormLabels {
    static let sections: Set<String> = [
        "start", "months", "people", "meeting_cadence", "decision_making", "escalation", "goals", "milestones", "success_statement",
        "communication_what", "communication_channels", "communication_consent", "data_access", "data_rules", "values_tailoring",
    ]
    static let rows: Set<String> = [
        "person_name", "person_side", "person_role", "goal_text", "goal_area", "deliverable_goal", "deliverable_title",
        "deliverable_due", "milestone_title", "milestone_due",
    ]
    static let meetingRows: Set<String> = ["action_description", "action_owner", "action_due"]

    static func label(_ field: String, _ req: some Translating) -> String? {
        if sections.contains(field) { return req.t("terms.field.\(field)") }
        guard let separator = field.lastIndex(of: "_"), let row = Int(field[field.index(after: separator)...]) else { return nil }
        let base = String(field[..<separator])
        if rows.contains(base) { return req.t("terms.row.\(base)", String(row + 1)) }
        if meetingRows.contains(base) { return req.t("work.row.\(base)", String(row + 1)) }
        return nil
    }
}
