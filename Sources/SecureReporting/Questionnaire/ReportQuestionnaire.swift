import ExchangeCore

/// The two ways people report: an insider's confidential or anonymous disclosure, or a citizen's complaint about a
/// public service.
public enum ReportChannel: String, Codable, Sendable, CaseIterable {
    case whistleblowing
    case complaint
}

/// What an investigation needs to act on a report; each questionnaire says which field answers which item.
public enum EvidenceItem: String, Codable, Sendable, CaseIterable {
    case who, what, when, `where`, amount, witnesses, documents
}

/// A questionnaire: steps of fields about the report, then optional questions about the reporter, which are kept
/// apart from the report. Rules act on answers: they add or exclude recipients, or block submission with a reason.
public struct ReportQuestionnaire: Codable, Equatable, Sendable {
    public var steps: [Step]
    /// Questions about the reporter: always optional, always after the report, stored apart from it.
    public var demographics: [ReportQuestion]
    public var rules: [Rule]

    public init(steps: [Step], demographics: [ReportQuestion] = [], rules: [Rule] = []) {
        (self.steps, self.demographics, self.rules) = (steps, demographics, rules)
    }

    /// Every report field in order, with the step that holds it.
    public var reportFields: [(step: Step, field: ReportQuestion)] {
        steps.flatMap { step in step.fields.map { (step, $0) } }
    }

    /// The recipient keys its rules add or exclude, each once, in order.
    public var recipientKeys: [String] {
        var keys: [String] = []
        for rule in rules {
            switch rule.effect {
            case .addRecipients(let named), .excludeRecipients(let named): keys += named.filter { !keys.contains($0) }
            case .block: break
            }
        }
        return keys
    }

    public func field(_ id: String) -> ReportQuestion? {
        reportFields.first { $0.field.id == id }?.field ?? demographics.first { $0.id == id }
    }
}

public struct Step: Codable, Equatable, Sendable {
    public var id: String
    public var title: LocalizedText
    /// Shown only when this holds; nil: always.
    public var showWhen: Condition?
    public var fields: [ReportQuestion]

    public init(id: String, title: LocalizedText, showWhen: Condition? = nil, fields: [ReportQuestion]) {
        (self.id, self.title, self.showWhen, self.fields) = (id, title, showWhen, fields)
    }
}

public struct ReportQuestion: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case text, longText, choice, multipleChoice, date, amount, location, file, yesNo

        /// Kinds whose answers are one of a field's options, so conditions and statistics can name them.
        public var hasOptions: Bool { self == .choice || self == .multipleChoice }
    }

    public struct Option: Codable, Equatable, Sendable {
        public var id: String
        public var label: LocalizedText

        public init(id: String, label: LocalizedText) {
            (self.id, self.label) = (id, label)
        }
    }

    public var id: String
    public var kind: Kind
    public var label: LocalizedText
    /// Plain words on how to answer.
    public var help: LocalizedText
    /// Why the question is asked, shown beside it.
    public var why: LocalizedText
    public var required: Bool
    public var options: [Option]
    /// Shown only when this holds; nil: whenever its step is.
    public var showWhen: Condition?
    /// Its answers feed the public statistics (choice, multiple choice, yes/no and location only).
    public var statistical: Bool
    /// The evidence-checklist item this field answers, if any.
    public var evidence: EvidenceItem?

    public init(id: String, kind: Kind, label: LocalizedText, help: LocalizedText, why: LocalizedText, required: Bool = false,
                options: [Option] = [], showWhen: Condition? = nil, statistical: Bool = false, evidence: EvidenceItem? = nil) {
        (self.id, self.kind, self.label, self.help, self.why) = (id, kind, label, help, why)
        (self.required, self.options, self.showWhen, self.statistical, self.evidence) = (required, options, showWhen, statistical, evidence)
    }

    /// The values an answer may take where they are a closed list: option ids, or yes and no.
    public var closedValues: [String]? {
        switch kind {
        case .choice, .multipleChoice: options.map(\.id)
        case .yesNo: YesNo.allCases.map(\.rawValue)
        default: nil
        }
    }
}

public enum YesNo: String, Codable, Sendable, CaseIterable {
    case yes, no
}

/// "The answer to `field` is (or, for multiple choice, includes) `value`."
public struct Condition: Codable, Equatable, Hashable, Sendable {
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        (self.field, self.value) = (field, value)
    }
}

/// What an answer does besides being kept.
public struct Rule: Codable, Equatable, Sendable {
    public enum Effect: Codable, Equatable, Sendable {
        /// Recipient organisations (by key) who also receive the report.
        case addRecipients([String])
        /// Recipient organisations (by key) who must not receive it, for instance because the answer names them.
        case excludeRecipients([String])
        /// Submission is refused, with this explanation (where to go instead, what is out of scope).
        case block(LocalizedText)
    }

    public var when: Condition
    public var effect: Effect

    public init(when: Condition, _ effect: Effect) {
        (self.when, self.effect) = (when, effect)
    }
}
