/// The Terms of Reference as a form or the API submits them, before they are trusted. Rows left wholly empty are
/// ignored, so a form can offer spare rows. Errors name the domain field as the API spells it (`goals[0].text`), rows
/// counted from 0; the web layer maps them to its form fields.
public struct TermsOfReferenceDraft: Sendable, Equatable {
    public struct PersonRow: Sendable, Equatable {
        public var name: String?, side: String?, responsibilities: String?
        public init(name: String? = nil, side: String? = nil, responsibilities: String? = nil) {
            (self.name, self.side, self.responsibilities) = (name, side, responsibilities)
        }
        var isEmpty: Bool { [name, side, responsibilities].allBlank }
    }

    public struct GoalRow: Sendable, Equatable {
        public var text: String?, supportArea: String?
        public init(text: String? = nil, supportArea: String? = nil) {
            (self.text, self.supportArea) = (text, supportArea)
        }
        var isEmpty: Bool { [text, supportArea].allBlank }
    }

    public struct DeliverableRow: Sendable, Equatable {
        public var goal: String?, title: String?, due: String?
        public init(goal: String? = nil, title: String? = nil, due: String? = nil) {
            (self.goal, self.title, self.due) = (goal, title, due)
        }
        var isEmpty: Bool { [goal, title, due].allBlank }
    }

    public struct MilestoneRow: Sendable, Equatable {
        public var title: String?, due: String?
        public init(title: String? = nil, due: String? = nil) {
            (self.title, self.due) = (title, due)
        }
        var isEmpty: Bool { [title, due].allBlank }
    }

    public var start: String?
    public var months: String?
    public var people: [PersonRow] = []
    public var meetingCadence: String?
    public var decisionMaking: String?
    public var escalation: String?
    public var goals: [GoalRow] = []
    public var deliverables: [DeliverableRow] = []
    public var milestones: [MilestoneRow] = []
    public var successStatement: String?
    public var communicationWhat: String?
    public var communicationChannels: String?
    public var communicationConsent: String?
    public var dataAccess: String?
    public var dataRules: String?
    public var valuesTailoring: String?

    public init() {}

    /// A draft holding what the terms say, to edit them.
    public init(_ t: TermsOfReference) {
        start = t.start.description
        months = String(t.months)
        people = t.people.map { PersonRow(name: $0.name, side: $0.side.rawValue, responsibilities: $0.responsibilities) }
        meetingCadence = t.governance.meetingCadence
        decisionMaking = t.governance.decisionMaking
        escalation = t.governance.escalation
        goals = t.goals.map { GoalRow(text: $0.text, supportArea: String($0.supportArea)) }
        deliverables = t.deliverables.map { DeliverableRow(goal: String($0.goal), title: $0.title, due: $0.due.description) }
        milestones = t.milestones.map { MilestoneRow(title: $0.title, due: $0.due.description) }
        successStatement = t.successStatement
        communicationWhat = t.communication.what
        communicationChannels = t.communication.channels
        communicationConsent = t.communication.consent
        dataAccess = t.dataHandling.access.rawValue
        dataRules = t.dataHandling.rules
        valuesTailoring = t.valuesTailoring
    }

    public func validate(_ context: TermsContext) -> Result<TermsOfReference, ValidationFailure> {
        var v = Validator()
        let start = date(&v, "start", self.start)
        let months = self.months(&v)
        let window = start.flatMap { start in months.map { start...start.adding(months: $0) } }
        let people = validPeople(&v)
        let governance = TermsOfReference.Governance(
            meetingCadence: v.text("governance.meetingCadence", meetingCadence, maxLength: 500),
            decisionMaking: v.text("governance.decisionMaking", decisionMaking, maxLength: 2000),
            escalation: v.text("governance.escalation", escalation, maxLength: 2000))
        let goals = validGoals(&v, context)
        let deliverables = validDeliverables(&v, goals: goals, window: window)
        let milestones = validMilestones(&v, window: window)
        let success = validSuccess(&v)
        let communication = TermsOfReference.CommunicationPlan(
            what: v.text("communication.what", communicationWhat, maxLength: 2000),
            channels: v.text("communication.channels", communicationChannels, maxLength: 1000),
            consent: v.text("communication.consent", communicationConsent, maxLength: 1000))
        let access = v.choice("dataHandling.access", dataAccess, as: DataAccess.self)
        let rules = v.text("dataHandling.rules", dataRules, required: access?.needsRules ?? false, maxLength: 4000)
        let tailoring = v.text("valuesTailoring", valuesTailoring, required: false, maxLength: 4000)
        guard v.isValid, let start, let months, let access else { return .failure(ValidationFailure(errors: v.errors)) }
        return .success(TermsOfReference(
            start: start, months: months, people: people, governance: governance, goals: goals, deliverables: deliverables,
            milestones: milestones, successStatement: success, communication: communication,
            dataHandling: .init(access: access, rules: rules), valuesTailoring: tailoring))
    }

    // MARK: - Sections

    private func months(_ v: inout Validator) -> Int? {
        let raw = (self.months ?? "").trimmingWhitespace()
        guard !raw.isEmpty else { return TermsOfReference.defaultMonths }
        guard let months = Int(raw), TermsOfReference.months.contains(months) else {
            v.add("months", .outOfRange)
            return nil
        }
        return months
    }

    /// Every side has someone named: the public body, the expert and the programme office.
    private func validPeople(_ v: inout Validator) -> [TermsOfReference.Person] {
        var people: [TermsOfReference.Person] = []
        for (index, row) in self.people.enumerated() where !row.isEmpty {
            let name = v.text("people[\(index)].name", row.name, maxLength: 200)
            let side = v.choice("people[\(index)].side", row.side, as: TermsSide.self)
            let role = v.text("people[\(index)].responsibilities", row.responsibilities, maxLength: 1000)
            if let side { people.append(.init(name: name, side: side, responsibilities: role)) }
        }
        if Set(people.map(\.side)) != Set(TermsSide.allCases) { v.add("people", .missingSide) }
        return people
    }

    private func validGoals(_ v: inout Validator, _ context: TermsContext) -> [TermsOfReference.Goal] {
        var goals: [TermsOfReference.Goal] = []
        for (index, row) in self.goals.enumerated() where !row.isEmpty {
            let text = v.text("goals[\(index)].text", row.text, maxLength: 1000)
            let area = Int((row.supportArea ?? "").trimmingWhitespace())
            if let area, context.supportAreas.contains(area) {
                goals.append(.init(text: text, supportArea: area))
            } else {
                v.add("goals[\(index)].supportArea", (row.supportArea ?? "").trimmingWhitespace().isEmpty ? .required : .invalidChoice)
            }
        }
        if goals.isEmpty && !v.errors.contains(where: { $0.field.hasPrefix("goals[") }) { v.add("goals", .required) }
        return goals
    }

    /// Each deliverable serves a goal and falls due inside the engagement; each goal has at least one.
    private func validDeliverables(_ v: inout Validator, goals: [TermsOfReference.Goal],
                                   window: ClosedRange<CalendarDate>?) -> [TermsOfReference.Deliverable] {
        var deliverables: [TermsOfReference.Deliverable] = []
        // A row naming a goal counts for it even while its other fields are wrong: one error per mistake.
        var served = Set<Int>()
        for (index, row) in self.deliverables.enumerated() where !row.isEmpty {
            let title = v.text("deliverables[\(index)].title", row.title, maxLength: 500)
            let goal = Int((row.goal ?? "").trimmingWhitespace()).flatMap { (1...max(goals.count, 1)).contains($0) ? $0 : nil }
            if let goal { served.insert(goal) } else { v.add("deliverables[\(index)].goal", .invalidChoice) }
            let due = dueDate(&v, "deliverables[\(index)].due", row.due, window: window)
            if let goal, let due { deliverables.append(.init(goal: goal, title: title, due: due)) }
        }
        for number in goals.indices where !served.contains(number + 1) {
            v.add("goals[\(number)].text", .goalWithoutDeliverable)
        }
        return deliverables
    }

    private func validMilestones(_ v: inout Validator, window: ClosedRange<CalendarDate>?) -> [TermsOfReference.Milestone] {
        var milestones: [TermsOfReference.Milestone] = []
        for (index, row) in self.milestones.enumerated() where !row.isEmpty {
            let title = v.text("milestones[\(index)].title", row.title, maxLength: 500)
            if let due = dueDate(&v, "milestones[\(index)].due", row.due, window: window) { milestones.append(.init(title: title, due: due)) }
        }
        if milestones.isEmpty && !v.errors.contains(where: { $0.field.hasPrefix("milestones[") }) { v.add("milestones", .required) }
        return milestones
    }

    private func validSuccess(_ v: inout Validator) -> String {
        let text = v.text("successStatement", successStatement, maxLength: 2000)
        guard !text.isEmpty else { return text }
        let folded = text.lowercased()
        let opening = TermsOfReference.successOpenings.first { folded.hasPrefix($0.lowercased()) }
        // The opening alone says nothing; something must follow it.
        if opening == nil || text.count <= opening!.count + 2 { v.add("successStatement", .successStatementOpening) }
        return text
    }

    private func date(_ v: inout Validator, _ field: String, _ raw: String?) -> CalendarDate? {
        let text = (raw ?? "").trimmingWhitespace()
        guard !text.isEmpty else {
            v.add(field, .required)
            return nil
        }
        guard let date = CalendarDate(text) else {
            v.add(field, .invalidDate)
            return nil
        }
        return date
    }

    private func dueDate(_ v: inout Validator, _ field: String, _ raw: String?, window: ClosedRange<CalendarDate>?) -> CalendarDate? {
        guard let due = date(&v, field, raw) else { return nil }
        if let window, !window.contains(due) {
            v.add(field, .outsideEngagement)
            return nil
        }
        return due
    }
}

private extension Array where Element == String? {
    var allBlank: Bool { allSatisfy { ($0 ?? "").trimmingWhitespace().isEmpty } }
}
