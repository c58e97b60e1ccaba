import ExchangeCore

/// A questionnaire as the builder's form carries it between edits: flat names that are the check's own paths
/// (`steps[1].fields[0].help.fr`), so each problem lands on the input that causes it. Reading never fails; what is
/// wrong is left for `problems()` to name.
public struct QuestionnaireForm: Equatable, Sendable {
    /// What a rule does, as its select names it.
    public enum Effect: String, CaseIterable, Codable, Sendable {
        case add, exclude, block
    }

    public private(set) var values: [String: String]

    public init(values: [String: String]) {
        self.values = values
    }

    public init(_ questionnaire: ReportQuestionnaire) {
        var values: [String: String] = [:]
        for (s, step) in questionnaire.steps.enumerated() {
            let path = "steps[\(s)]"
            values["\(path).id"] = step.id
            Self.write(step.title, "\(path).title", &values)
            values["\(path).showWhen"] = step.showWhen.map(Self.encode) ?? ""
            for (f, field) in step.fields.enumerated() { Self.write(field, "\(path).fields[\(f)]", &values) }
        }
        for (d, field) in questionnaire.demographics.enumerated() { Self.write(field, "demographics[\(d)]", &values) }
        for (r, rule) in questionnaire.rules.enumerated() { Self.write(rule, "rules[\(r)]", &values) }
        self.values = values
    }

    /// The questionnaire the form describes.
    public var questionnaire: ReportQuestionnaire {
        let steps = indices("steps", suffix: ".id").map { s in
            let path = "steps[\(s)]"
            return Step(id: text("\(path).id"), title: localized("\(path).title"), showWhen: condition("\(path).showWhen"),
                        fields: indices("\(path).fields", suffix: ".kind").map { question("\(path).fields[\($0)]") })
        }
        return ReportQuestionnaire(steps: steps, demographics: indices("demographics", suffix: ".kind").map { question("demographics[\($0)]") },
                                   rules: indices("rules", suffix: ".effect").map { rule("rules[\($0)]") })
    }

    /// A condition as one choice in a select: the field, then the answer.
    public static func encode(_ condition: Condition) -> String {
        "\(condition.field)=\(condition.value)"
    }

    /// A choice field's options, one per line: `id | English | français | español`.
    public static func encode(_ options: [ReportQuestion.Option]) -> String {
        options.map { [$0.id, $0.label.en, $0.label.fr, $0.label.es].joined(separator: " | ") }.joined(separator: "\n")
    }

    // MARK: Writing

    private static func write(_ text: LocalizedText, _ path: String, _ values: inout [String: String]) {
        for language in SupportedLanguage.allCases { values["\(path).\(language.rawValue)"] = text[exactly: language] }
    }

    private static func write(_ field: ReportQuestion, _ path: String, _ values: inout [String: String]) {
        values["\(path).id"] = field.id
        values["\(path).kind"] = field.kind.rawValue
        for (part, text) in [("label", field.label), ("help", field.help), ("why", field.why)] { write(text, "\(path).\(part)", &values) }
        values["\(path).required"] = field.required ? "on" : nil
        values["\(path).statistical"] = field.statistical ? "on" : nil
        values["\(path).options"] = encode(field.options)
        values["\(path).showWhen"] = field.showWhen.map(encode) ?? ""
        values["\(path).evidence"] = field.evidence?.rawValue ?? ""
    }

    private static func write(_ rule: Rule, _ path: String, _ values: inout [String: String]) {
        values["\(path).when"] = encode(rule.when)
        switch rule.effect {
        case .addRecipients(let keys): (values["\(path).effect"], values["\(path).recipients"]) = (Effect.add.rawValue, keys.joined(separator: ", "))
        case .excludeRecipients(let keys): (values["\(path).effect"], values["\(path).recipients"]) = (Effect.exclude.rawValue, keys.joined(separator: ", "))
        case .block(let reason):
            values["\(path).effect"] = Effect.block.rawValue
            write(reason, "\(path).reason", &values)
        }
    }

    // MARK: Reading

    /// The indices under `prefix` (`steps`, `steps[0].fields`) that have a `suffix` input, in order.
    private func indices(_ prefix: String, suffix: String) -> [Int] {
        let start = prefix + "["
        return Set(values.keys.compactMap { key -> Int? in
            guard key.hasPrefix(start), key.hasSuffix(suffix) else { return nil }
            let rest = key.dropFirst(start.count).dropLast(suffix.count)
            guard rest.hasSuffix("]") else { return nil }
            return Int(rest.dropLast())
        }).sorted()
    }

    private func text(_ name: String) -> String {
        (values[name] ?? "").trimmingWhitespace()
    }

    private func localized(_ path: String) -> LocalizedText {
        LocalizedText(en: text("\(path).en"), fr: text("\(path).fr"), es: text("\(path).es"))
    }

    private func checked(_ name: String) -> Bool {
        ["on", "true", "1", "yes"].contains(text(name).lowercased())
    }

    private func condition(_ name: String) -> Condition? {
        let raw = text(name)
        guard !raw.isEmpty else { return nil }
        guard let equals = raw.firstIndex(of: "=") else { return Condition(field: raw, value: "") }
        return Condition(field: String(raw[..<equals]), value: String(raw[raw.index(after: equals)...]))
    }

    private func question(_ path: String) -> ReportQuestion {
        let options = text("\(path).options").split(whereSeparator: \.isNewline).compactMap { line -> ReportQuestion.Option? in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard let id = parts.first, !id.isEmpty else { return nil }
            func part(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
            return .init(id: id, label: LocalizedText(en: part(1), fr: part(2), es: part(3)))
        }
        return ReportQuestion(id: text("\(path).id"), kind: ReportQuestion.Kind(rawValue: text("\(path).kind")) ?? .text,
                              label: localized("\(path).label"), help: localized("\(path).help"), why: localized("\(path).why"),
                              required: checked("\(path).required"), options: options, showWhen: condition("\(path).showWhen"),
                              statistical: checked("\(path).statistical"), evidence: EvidenceItem(rawValue: text("\(path).evidence")))
    }

    private func rule(_ path: String) -> Rule {
        let when = condition("\(path).when") ?? Condition(field: "", value: "")
        let keys = text("\(path).recipients").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        switch Effect(rawValue: text("\(path).effect")) ?? .add {
        case .block: return Rule(when: when, .block(localized("\(path).reason")))
        case .exclude: return Rule(when: when, .excludeRecipients(keys))
        case .add: return Rule(when: when, .addRecipients(keys))
        }
    }
}

extension LocalizedText {
    /// The text in one language as written, without falling back to English.
    public subscript(exactly language: SupportedLanguage) -> String {
        switch language {
        case .en: en
        case .fr: fr
        case .es: es
        }
    }
}
