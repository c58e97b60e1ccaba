import Vapor

/// Names the fields of the Terms of Reference builder and the meeting form in error summaries: "Goal 2" for
/// `goal_text_1`, "Action 1: due date" for `action_due_0`.
enum TermsFormLabels {
    /// The form's own names, from the maps that translate the domain's field names to them.
    static let sections = Set(["start", "months", "people", "goals", "milestones"] + TermsForm.fields.plain.values)
    static let rows = Set(TermsForm.fields.rows.values.flatMap(\.values))
    static let meetingRows = Set(MeetingFormPage.fields.rows.values.flatMap(\.values))

    static func label(_ field: String, _ req: some Translating) -> String? {
        if sections.contains(field) { return req.t("terms.field.\(field)") }
        guard let separator = field.lastIndex(of: "_"), let row = Int(field[field.index(after: separator)...]) else { return nil }
        let base = String(field[..<separator])
        if rows.contains(base) { return req.t("terms.row.\(base)", String(row + 1)) }
        if meetingRows.contains(base) { return req.t("work.row.\(base)", String(row + 1)) }
        return nil
    }
}
