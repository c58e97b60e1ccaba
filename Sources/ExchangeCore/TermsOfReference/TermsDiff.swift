/// What changed between two versions of the Terms of Reference, field by field, so every version shows its diff.
public enum TermsDiff {
    /// One field as a reader sees it. `number` counts rows of a list from 1.
    public struct Field: Sendable, Equatable {
        public let key: String
        public let number: Int?
        public let value: String
    }

    public struct Change: Sendable, Equatable {
        public let key: String
        public let number: Int?
        /// Nil when the field is new.
        public let before: String?
        /// Nil when the field was removed.
        public let after: String?
    }

    /// How codes read in the reader's language.
    public struct Wording: Sendable {
        public let side: @Sendable (TermsSide) -> String
        public let area: @Sendable (Int) -> String
        public let access: @Sendable (DataAccess) -> String

        public init(side: @escaping @Sendable (TermsSide) -> String, area: @escaping @Sendable (Int) -> String,
                    access: @escaping @Sendable (DataAccess) -> String) {
            (self.side, self.area, self.access) = (side, area, access)
        }

        public static let codes = Wording(side: { $0.rawValue }, area: { String($0) }, access: { $0.rawValue })
    }

    public static func fields(_ t: TermsOfReference, _ w: Wording = .codes) -> [Field] {
        func one(_ key: String, _ value: String) -> Field { Field(key: key, number: nil, value: value) }
        var fields = [one("start", t.start.description), one("months", String(t.months))]
        fields += t.people.enumerated().map { Field(key: "person", number: $0 + 1, value: "\($1.name) · \(w.side($1.side)) · \($1.responsibilities)") }
        fields += [one("meeting_cadence", t.governance.meetingCadence), one("decision_making", t.governance.decisionMaking),
                   one("escalation", t.governance.escalation)]
        fields += t.goals.enumerated().map { Field(key: "goal", number: $0 + 1, value: "\($1.text) · \(w.area($1.supportArea))") }
        fields += t.deliverables.enumerated().map {
            Field(key: "deliverable", number: $0 + 1, value: "\($1.goal) · \($1.title) · \($1.due)")
        }
        fields += t.milestones.enumerated().map { Field(key: "milestone", number: $0 + 1, value: "\($1.title) · \($1.due)") }
        fields += [one("success_statement", t.successStatement), one("communication_what", t.communication.what),
                   one("communication_channels", t.communication.channels), one("communication_consent", t.communication.consent),
                   one("data_access", w.access(t.dataHandling.access)), one("data_rules", t.dataHandling.rules),
                   one("values_tailoring", t.valuesTailoring)]
        return fields
    }

    /// The changes from `old` to `new`, in the order the new version reads, then what it dropped. With no `old`
    /// (the first version), nothing is a change.
    public static func changes(from old: TermsOfReference?, to new: TermsOfReference, _ w: Wording = .codes) -> [Change] {
        guard let old else { return [] }
        let before = fields(old, w), after = fields(new, w)
        func find(_ f: Field, in list: [Field]) -> Field? { list.first { $0.key == f.key && $0.number == f.number } }
        var changes = after.compactMap { field -> Change? in
            let previous = find(field, in: before)
            return previous?.value == field.value ? nil : Change(key: field.key, number: field.number, before: previous?.value, after: field.value)
        }
        changes += before.filter { find($0, in: after) == nil }.map { Change(key: $0.key, number: $0.number, before: $0.value, after: nil) }
        return changes
    }
}
