import ExchangeCore
import Foundation
import SecureReporting

/// The questionnaire builder, built from plain values: the questionnaire being edited as one form whose input names
/// are the check's paths, the check's problems on their inputs, and the longest path a reporter can be shown.
struct ReportQuestionnaireBuilderPage: PageModel {
    static let template = "report_questionnaire_builder"
    let titleKey = "builder.title"

    struct Input: Encodable, Sendable {
        let name: String; let id: String; let label: String; let value: String; let error: String?
        /// Help, reasons and option lists are written over several lines.
        let multiline: Bool
    }
    struct Choice: Encodable, Sendable { let name: String; let id: String; let label: String; let options: [Option]; let error: String? }
    struct Check: Encodable, Sendable { let name: String; let id: String; let label: String; let checked: Bool; let error: String? }

    /// Inputs come in lists, in the order the form shows them, so one partial writes each kind of input.
    struct Question: Encodable, Sendable {
        let section: String
        let heading: String
        /// Its kind.
        let kind: [Choice]
        /// Its id, label, help, reason and options.
        let inputs: [Input]
        /// When it is shown and which evidence it answers (report questions only).
        let placement: [Choice]
        /// Required, and counted in statistics.
        let checks: [Check]
        let removeAction: String
        let moveUpAction: String?
    }

    struct StepSection: Encodable, Sendable {
        let section: String
        let heading: String
        let idName: String
        let idValue: String
        let title: [Input]
        let showWhen: [Choice]
        let error: String?
        let questions: [Question]
        let addAction: String
        let removeAction: String
    }

    struct RuleSection: Encodable, Sendable {
        let section: String
        let heading: String
        /// The condition and the effect.
        let choices: [Choice]
        /// The recipient keys, and the explanation a block shows.
        let inputs: [Input]
        let removeAction: String
    }

    let subject: String
    let subjectHref: String
    let editAction: String
    let publishAction: String
    let base: Int?
    let steps: [StepSection]
    let demographics: [Question]
    let rules: [RuleSection]
    let addStepAction = QuestionnaireEdit.addStep.action
    let addDemographicAction = QuestionnaireEdit.addDemographic.action
    let addRuleAction = QuestionnaireEdit.addRule.action
    let path: [String]
    let pathSummary: String
    let pathTooLong: Bool
    let problems: [FormState.SummaryItem]
    /// The check ran and found nothing, so publishing will succeed.
    let readyToPublish: Bool

    /// `checked` shows the check's problems; a fresh builder shows none until someone asks.
    init(subject: String, subjectID: UUID, base: Int?, form: QuestionnaireForm, checked: Bool, text: some Translating) {
        let questionnaire = form.questionnaire
        let errors = checked ? Self.errors(questionnaire.problems(), text) : [:]
        var writer = FormWriter(values: form.values, errors: errors, text: text, conditions: Self.conditions(questionnaire, text))
        self.subject = subject
        (subjectHref, editAction, publishAction) = (ReportSubjectRoute.subject.link(subjectID), ReportSubjectRoute.edit.link(subjectID),
                                                    ReportSubjectRoute.publish.link(subjectID))
        self.base = base
        steps = questionnaire.steps.indices.map { writer.step($0, of: questionnaire) }
        demographics = questionnaire.demographics.indices.map { writer.question("demographics[\($0)]", number: $0 + 1, demographic: true) }
        rules = questionnaire.rules.indices.map { writer.rule($0) }
        let labels = Dictionary(questionnaire.reportFields.map { ($0.field.id, $0.field.label[text.language]) }, uniquingKeysWith: { a, _ in a })
        let longest = questionnaire.longestPath()
        path = longest.map { id in labels[id].flatMap { $0.isEmpty ? nil : $0 } ?? id }
        pathSummary = text.t("builder.path_count", text.number(longest.count), text.number(ReportQuestionnaire.maximumPath))
        pathTooLong = longest.count > ReportQuestionnaire.maximumPath
        problems = errors.keys.sorted(by: Self.formOrder).map { name in
            FormState.SummaryItem(anchor: "#" + writer.anchor(name), message: Self.describe(name, text) + ": " + errors[name]!)
        }
        readyToPublish = checked && errors.isEmpty
    }

    /// The check's problems by the input that shows them: an option's problem shows on the options box, a
    /// condition's on its select.
    static func errors(_ problems: [FieldError], _ text: some Translating) -> [String: String] {
        var errors: [String: String] = [:]
        for problem in problems {
            var name = problem.field
            if let options = name.range(of: ".options[") { name = String(name[..<options.lowerBound]) + ".options" }
            for condition in [".showWhen.", ".when."] where name.contains(condition) {
                name = String(name[..<name.range(of: condition)!.lowerBound]) + condition.dropLast()
            }
            if errors[name] == nil { errors[name] = text.t("error.\(problem.code.rawValue)") }
        }
        return errors
    }

    /// Every closed answer a condition may name, as "question = answer".
    static func conditions(_ questionnaire: ReportQuestionnaire, _ text: some Translating) -> [(value: String, label: String)] {
        questionnaire.reportFields.flatMap { _, field -> [(value: String, label: String)] in
            let name = field.label[text.language].isEmpty ? field.id : field.label[text.language]
            let answers: [(String, String)] = field.kind.hasOptions
                ? field.options.map { ($0.id, $0.label[text.language].isEmpty ? $0.id : $0.label[text.language]) }
                : field.kind == .yesNo ? YesNo.allCases.map { ($0.rawValue, text.t("reporting.answer.\($0.rawValue)")) } : []
            return answers.map { (QuestionnaireForm.encode(Condition(field: field.id, value: $0.0)), "\(name) = \($0.1)") }
        }
    }

    /// The parts and places a problem may name (`builder.part.<part>`, `builder.place.<place>`).
    static let parts = ["id", "kind", "label", "help", "why", "options", "required", "statistical", "showWhen", "when", "evidence", "effect",
                        "recipients", "reason", "title", "fields", "steps"]
    static let places = ["steps", "fields", "demographics", "rules"]

    /// Where a problem is, in words: "Step 1, question 2 · Help (Français)".
    static func describe(_ name: String, _ text: some Translating) -> String {
        var places: [String] = []
        var part: [String] = []
        for piece in name.split(separator: ".") {
            if let open = piece.firstIndex(of: "["), let number = Int(piece[piece.index(after: open)...].dropLast()) {
                places.append(text.t("builder.place.\(piece[..<open])", text.number(number + 1)))
            } else if let language = SupportedLanguage(rawValue: String(piece)) {
                part.append("(\(text.t("language.\(language.rawValue)")))")
            } else {
                part.append(text.t("builder.part.\(piece)"))
            }
        }
        let place = places.joined(separator: ", ")
        return ([place] + (part.isEmpty || place.isEmpty ? [] : ["·"]) + part).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Problems in the order the form shows them.
    private static func formOrder(_ a: String, _ b: String) -> Bool {
        func rank(_ name: String) -> [Int] {
            let section = name.hasPrefix("steps") ? 0 : name.hasPrefix("demographics") ? 1 : 2
            return [section] + name.split(whereSeparator: { "[]".contains($0) }).compactMap { Int($0) }
        }
        return rank(a) == rank(b) ? a < b : rank(a).lexicographicallyPrecedes(rank(b))
    }
}

/// Writes the builder's inputs from the form's values, each with its label, id and problem.
private struct FormWriter {
    let values: [String: String]
    let errors: [String: String]
    let text: any Translating
    let conditions: [(value: String, label: String)]
    private(set) var names: Set<String> = []

    init(values: [String: String], errors: [String: String], text: some Translating, conditions: [(value: String, label: String)]) {
        (self.values, self.errors, self.text, self.conditions) = (values, errors, text, conditions)
    }

    /// An input's id; a problem on something without an input points at its section.
    func anchor(_ name: String) -> String {
        if names.contains(name) { return Self.id(name) }
        guard let close = name.lastIndex(of: "]") else { return "path" }
        return Self.id(String(name[...close]))
    }

    static func id(_ name: String) -> String {
        name.replacingOccurrences(of: "]", with: "").replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: ".", with: "-")
    }

    mutating func step(_ s: Int, of questionnaire: ReportQuestionnaire) -> ReportQuestionnaireBuilderPage.StepSection {
        let path = "steps[\(s)]"
        return .init(section: Self.id(path), heading: text.t("builder.place.steps", text.number(s + 1)),
                     idName: "\(path).id", idValue: values["\(path).id"] ?? "", title: texts("\(path).title", part: "title"),
                     showWhen: [condition("\(path).showWhen", empty: "builder.always")], error: errors["\(path).fields"],
                     questions: questionnaire.steps[s].fields.indices.map { question("\(path).fields[\($0)]", number: $0 + 1, step: s) },
                     addAction: QuestionnaireEdit.addQuestion(step: s).action, removeAction: QuestionnaireEdit.removeStep(s).action)
    }

    mutating func question(_ path: String, number: Int, step: Int? = nil, demographic: Bool = false) -> ReportQuestionnaireBuilderPage.Question {
        let kinds = ReportQuestion.Kind.allCases.map { Option(value: $0.rawValue, label: text.t("builder.kind.\($0.rawValue)"), selected: values["\(path).kind"] == $0.rawValue) }
        let evidence = [Option(value: "", label: text.t("builder.evidence.none"), selected: (values["\(path).evidence"] ?? "").isEmpty)]
            + EvidenceItem.allCases.map { Option(value: $0.rawValue, label: text.t("builder.evidence.\($0.rawValue)"), selected: values["\(path).evidence"] == $0.rawValue) }
        let edits: (remove: QuestionnaireEdit, up: QuestionnaireEdit?) = step.map { s in
            (.removeQuestion(step: s, question: number - 1), s == 0 && number == 1 ? nil : .moveQuestionUp(step: s, question: number - 1))
        } ?? (.removeDemographic(number - 1), nil)
        return .init(section: Self.id(path), heading: text.t(demographic ? "builder.place.demographics" : "builder.place.fields", text.number(number)),
                     kind: [choice("\(path).kind", part: "kind", kinds)],
                     inputs: [input("\(path).id", part: "id")] + ["label", "help", "why"].flatMap { texts("\(path).\($0)", part: $0) }
                         + [input("\(path).options", part: "options")],
                     placement: demographic ? [] : [condition("\(path).showWhen", empty: "builder.always"), choice("\(path).evidence", part: "evidence", evidence)],
                     checks: [check("\(path).required", part: "required"), check("\(path).statistical", part: "statistical")],
                     removeAction: edits.remove.action, moveUpAction: edits.up?.action)
    }

    mutating func rule(_ r: Int) -> ReportQuestionnaireBuilderPage.RuleSection {
        let path = "rules[\(r)]"
        let effects = QuestionnaireForm.Effect.allCases.map {
            Option(value: $0.rawValue, label: text.t("builder.effect.\($0.rawValue)"), selected: values["\(path).effect"] == $0.rawValue)
        }
        return .init(section: Self.id(path), heading: text.t("builder.place.rules", text.number(r + 1)),
                     choices: [condition("\(path).when", empty: "form.choose"), choice("\(path).effect", part: "effect", effects)],
                     inputs: [input("\(path).recipients", part: "recipients")] + texts("\(path).reason", part: "reason"),
                     removeAction: QuestionnaireEdit.removeRule(r).action)
    }

    private mutating func input(_ name: String, part: String, label: String? = nil) -> ReportQuestionnaireBuilderPage.Input {
        names.insert(name)
        return .init(name: name, id: Self.id(name), label: label ?? text.t("builder.part.\(part)"), value: values[name] ?? "", error: errors[name],
                     multiline: ["help", "why", "options", "reason"].contains(part))
    }

    private mutating func texts(_ path: String, part: String) -> [ReportQuestionnaireBuilderPage.Input] {
        SupportedLanguage.allCases.map { language in
            input("\(path).\(language.rawValue)", part: part, label: "\(text.t("builder.part.\(part)")) (\(text.t("language.\(language.rawValue)")))")
        }
    }

    private mutating func choice(_ name: String, part: String, _ options: [Option]) -> ReportQuestionnaireBuilderPage.Choice {
        names.insert(name)
        return .init(name: name, id: Self.id(name), label: text.t("builder.part.\(part)"), options: options, error: errors[name])
    }

    private mutating func check(_ name: String, part: String) -> ReportQuestionnaireBuilderPage.Check {
        names.insert(name)
        return .init(name: name, id: Self.id(name), label: text.t("builder.part.\(part)"), checked: !(values[name] ?? "").isEmpty, error: errors[name])
    }

    /// A condition's select; a value no question offers any more is kept, so an edit elsewhere does not lose it.
    private mutating func condition(_ name: String, empty: String) -> ReportQuestionnaireBuilderPage.Choice {
        let current = values[name] ?? ""
        var options = [Option(value: "", label: text.t(empty), selected: current.isEmpty)]
            + conditions.map { Option(value: $0.value, label: $0.label, selected: $0.value == current) }
        if !current.isEmpty && !conditions.contains(where: { $0.value == current }) { options.append(Option(value: current, label: current, selected: true)) }
        let part = name.hasSuffix(".when") ? "when" : "showWhen"
        return choice(name, part: part, options)
    }
}
