import ExchangeCore

/// The builder's checks before a questionnaire may be published. Problems are named by path
/// (`steps[1].fields[0].help.fr`) so the builder can mark the field.
extension ReportQuestionnaire {
    /// The most report questions any reporter can be shown; demographics are optional and come after, apart.
    public static let maximumPath = 10

    public func problems() -> [FieldError] {
        var v = Validator()
        var seen = Set<String>()
        var earlier: [String: ReportQuestion] = [:]
        for (s, step) in steps.enumerated() {
            let stepPath = "steps[\(s)]"
            checkText(step.title, "\(stepPath).title", &v)
            checkCondition(step.showWhen, earlier: earlier, "\(stepPath).showWhen", &v)
            if step.fields.isEmpty { v.add("\(stepPath).fields", .required) }
            for (f, field) in step.fields.enumerated() {
                let path = "\(stepPath).fields[\(f)]"
                check(field, path, seen: &seen, &v)
                checkCondition(field.showWhen, earlier: earlier, "\(path).showWhen", &v)
                earlier[field.id] = field
            }
        }
        if steps.isEmpty { v.add("steps", .required) }
        for (d, field) in demographics.enumerated() {
            check(field, "demographics[\(d)]", seen: &seen, &v)
            if field.showWhen != nil || field.evidence != nil { v.add("demographics[\(d)]", .invalidChoice) }
        }
        for (r, rule) in rules.enumerated() {
            checkCondition(rule.when, earlier: earlier, "rules[\(r)].when", &v)
            switch rule.effect {
            case .addRecipients(let keys), .excludeRecipients(let keys): if keys.isEmpty { v.add("rules[\(r)].recipients", .required) }
            case .block(let reason): checkText(reason, "rules[\(r)].reason", &v)
            }
        }
        if longestPath().count > Self.maximumPath { v.add("steps", .pathTooLong) }
        return v.errors
    }

    private func check(_ field: ReportQuestion, _ path: String, seen: inout Set<String>, _ v: inout Validator) {
        if field.id.isEmpty { v.add("\(path).id", .required) }
        if !seen.insert(field.id).inserted { v.add("\(path).id", .nameTaken) }
        checkText(field.label, "\(path).label", &v)
        checkText(field.help, "\(path).help", &v)
        checkText(field.why, "\(path).why", &v)
        if field.kind.hasOptions {
            if field.options.count < 2 { v.add("\(path).options", .required) }
            if Set(field.options.map(\.id)).count != field.options.count { v.add("\(path).options", .nameTaken) }
            for (o, option) in field.options.enumerated() { checkText(option.label, "\(path).options[\(o)].label", &v) }
        } else if !field.options.isEmpty {
            v.add("\(path).options", .invalidChoice)
        }
        if field.statistical && ![.choice, .multipleChoice, .yesNo, .location].contains(field.kind) { v.add("\(path).statistical", .notCountable) }
    }

    private func checkText(_ text: LocalizedText, _ path: String, _ v: inout Validator) {
        for language in text.missing { v.add("\(path).\(language.rawValue)", .required) }
    }

    /// A condition names an earlier report field with a closed list of answers, and one of those answers.
    private func checkCondition(_ condition: Condition?, earlier: [String: ReportQuestion], _ path: String, _ v: inout Validator) {
        guard let condition else { return }
        guard let field = earlier[condition.field], let values = field.closedValues else { v.add("\(path).field", .conditionOnLaterField); return }
        if !values.contains(condition.value) { v.add("\(path).value", .invalidChoice) }
    }
}

extension ReportQuestionnaire {
    /// The longest sequence of report questions one reporter can be shown, over every combination of answers that
    /// conditions depend on (each closed answer, and no answer where a field is optional).
    public func longestPath() -> [String] {
        let fields = reportFields
        let decisive = Set(steps.compactMap(\.showWhen?.field) + fields.compactMap(\.field.showWhen?.field))
        var memo: [String: [String]] = [:]

        func walk(_ index: Int, _ chosen: [String: Set<String>]) -> [String] {
            guard index < fields.count else { return [] }
            let key = "\(index)|" + chosen.keys.sorted().map { "\($0)=\(chosen[$0]!.sorted())" }.joined(separator: ";")
            if let known = memo[key] { return known }
            let (step, field) = fields[index]
            let shown = [step.showWhen, field.showWhen].allSatisfy { c in c.map { chosen[$0.field]?.contains($0.value) ?? false } ?? true }
            var best: [String]
            if !shown {
                best = walk(index + 1, chosen)
            } else if decisive.contains(field.id) {
                best = []
                for outcome in field.outcomes(relevant: relevantValues(of: field.id)) {
                    var next = chosen
                    next[field.id] = outcome
                    let rest = walk(index + 1, next)
                    if rest.count + 1 > best.count { best = [field.id] + rest }
                }
            } else {
                best = [field.id] + walk(index + 1, chosen)
            }
            memo[key] = best
            return best
        }
        return walk(0, [:])
    }

    /// The values of `field` that some condition names.
    private func relevantValues(of field: String) -> Set<String> {
        Set((steps.compactMap(\.showWhen) + reportFields.compactMap(\.field.showWhen)).filter { $0.field == field }.map(\.value))
    }
}

extension ReportQuestion {
    /// The answers that can make a difference to conditions naming `relevant` values: for one choice, each relevant
    /// value or another; for several choices, each subset of the relevant values; no answer where optional.
    func outcomes(relevant: Set<String>) -> [Set<String>] {
        let values = relevant.sorted()
        var outcomes: [Set<String>]
        switch kind {
        case .multipleChoice:
            outcomes = (0..<(1 << values.count)).map { mask in Set(values.indices.filter { mask & (1 << $0) != 0 }.map { values[$0] }) }
        default:
            outcomes = values.map { [$0] } + [["\u{0}other"]]
        }
        if !required { outcomes.append([]) }
        return outcomes
    }
}
