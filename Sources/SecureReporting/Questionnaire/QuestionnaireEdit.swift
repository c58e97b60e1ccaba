import ExchangeCore

/// One structural change the builder's buttons make to a questionnaire being edited. Each is named in the form as
/// the button's value (`add-question:1`), so the builder works without scripts.
public enum QuestionnaireEdit: Equatable, Sendable {
    case addStep
    case removeStep(Int)
    case addQuestion(step: Int)
    case removeQuestion(step: Int, question: Int)
    /// Up within its step, or to the end of the step before.
    case moveQuestionUp(step: Int, question: Int)
    case addDemographic
    case removeDemographic(Int)
    case addRule
    case removeRule(Int)

    public init?(action: String) {
        let parts = action.split(separator: ":").map(String.init)
        let numbers = parts.dropFirst().compactMap { Int($0) }
        guard numbers.count == parts.count - 1, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        switch (parts.first, numbers.count) {
        case ("add-step", 0): self = .addStep
        case ("remove-step", 1): self = .removeStep(numbers[0])
        case ("add-question", 1): self = .addQuestion(step: numbers[0])
        case ("remove-question", 2): self = .removeQuestion(step: numbers[0], question: numbers[1])
        case ("move-question-up", 2): self = .moveQuestionUp(step: numbers[0], question: numbers[1])
        case ("add-demographic", 0): self = .addDemographic
        case ("remove-demographic", 1): self = .removeDemographic(numbers[0])
        case ("add-rule", 0): self = .addRule
        case ("remove-rule", 1): self = .removeRule(numbers[0])
        default: return nil
        }
    }

    public var action: String {
        switch self {
        case .addStep: "add-step"
        case .removeStep(let s): "remove-step:\(s)"
        case .addQuestion(let s): "add-question:\(s)"
        case .removeQuestion(let s, let q): "remove-question:\(s):\(q)"
        case .moveQuestionUp(let s, let q): "move-question-up:\(s):\(q)"
        case .addDemographic: "add-demographic"
        case .removeDemographic(let d): "remove-demographic:\(d)"
        case .addRule: "add-rule"
        case .removeRule(let r): "remove-rule:\(r)"
        }
    }
}

extension ReportQuestionnaire {
    /// The questionnaire after `edit`; an edit naming a step, question or rule that is not there changes nothing.
    public func applying(_ edit: QuestionnaireEdit) -> ReportQuestionnaire {
        var next = self
        switch edit {
        case .addStep:
            next.steps.append(Step(id: freshID("step", taken: steps.map(\.id)), title: .blank, fields: [blankQuestion()]))
        case .removeStep(let s) where steps.indices.contains(s):
            next.steps.remove(at: s)
        case .addQuestion(let s) where steps.indices.contains(s):
            next.steps[s].fields.append(blankQuestion())
        case .removeQuestion(let s, let q) where steps.indices.contains(s) && steps[s].fields.indices.contains(q):
            next.steps[s].fields.remove(at: q)
        case .moveQuestionUp(let s, let q) where steps.indices.contains(s) && steps[s].fields.indices.contains(q):
            if q > 0 {
                next.steps[s].fields.swapAt(q, q - 1)
            } else if s > 0 {
                next.steps[s - 1].fields.append(next.steps[s].fields.remove(at: 0))
            }
        case .addDemographic:
            next.demographics.append(blankQuestion())
        case .removeDemographic(let d) where demographics.indices.contains(d):
            next.demographics.remove(at: d)
        case .addRule:
            next.rules.append(Rule(when: Condition(field: "", value: ""), .addRecipients([])))
        case .removeRule(let r) where rules.indices.contains(r):
            next.rules.remove(at: r)
        default:
            break
        }
        return next
    }

    /// A new, empty text question under an id no other question has.
    private func blankQuestion() -> ReportQuestion {
        let taken = reportFields.map(\.field.id) + demographics.map(\.id)
        return ReportQuestion(id: freshID("question", taken: taken), kind: .text, label: .blank, help: .blank, why: .blank)
    }

    private func freshID(_ stem: String, taken: [String]) -> String {
        let taken = Set(taken)
        return (1...).lazy.map { "\(stem)-\($0)" }.first { !taken.contains($0) }!
    }
}

extension LocalizedText {
    /// Nothing written yet, in any language.
    public static let blank = LocalizedText(en: "", fr: "", es: "")
}
