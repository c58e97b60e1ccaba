/// The initiative's six success indicators, tracked as qualitative statements with evidence.
public enum SuccessIndicator: String, CaseIterable, Codable, Sendable {
    case technologyUse = "technology_use"
    case collaboration
    case dataDriven = "data_driven"
    case upskilling
    case dissemination
    case ecosystem
}

/// One piece of evidence for an indicator: what happened, with links.
public struct SuccessEvidence: Sendable, Equatable {
    public let indicator: SuccessIndicator
    public let statement: String
    public let links: [String]

    public static func parse(indicator: String?, statement: String?, links: String?) -> (SuccessEvidence?, [FieldError]) {
        var v = Validator()
        let indicator = v.choice("indicator", indicator, as: SuccessIndicator.self)
        let statement = v.text("statement", statement, maxLength: 2000)
        let parsed = EvidenceLinks.parse(links)
        if parsed == nil { v.add("links", .invalidURL) }
        guard v.isValid, let indicator else { return (nil, v.errors) }
        return (SuccessEvidence(indicator: indicator, statement: statement, links: parsed ?? []), [])
    }
}

/// A question a coordinator adds to a stage's questionnaire, before it is trusted.
public struct QuestionDraft: Sendable, Equatable {
    public var kind: String?
    public var required: Bool
    public var audience: String?
    public var promptEN: String?
    public var promptFR: String?
    public var promptES: String?
    /// One choice per line: `id|English|Français|Español`; French and Spanish may be left out.
    public var choices: String?

    public init(kind: String?, required: Bool, audience: String?, promptEN: String?, promptFR: String?, promptES: String?, choices: String?) {
        (self.kind, self.required, self.audience, self.promptEN, self.promptFR, self.promptES, self.choices) =
            (kind, required, audience, promptEN, promptFR, promptES, choices)
    }

    /// The question with the given id; choice questions need at least two choices with distinct ids.
    public func validate(id: String) -> (Question?, [FieldError]) {
        var v = Validator()
        let kind = v.choice("kind", kind, as: QuestionKind.self)
        let audience = v.choice("audience", audience, as: Audience.self)
        let en = v.text("prompt_en", promptEN, maxLength: 500)
        let fr = v.text("prompt_fr", promptFR, required: false, maxLength: 500)
        let es = v.text("prompt_es", promptES, required: false, maxLength: 500)
        var parsed: [Question.Choice] = []
        if kind == .single || kind == .multiple {
            for line in (choices ?? "").split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
                guard let id = parts.first, id.range(of: #"^[a-z0-9_]{1,40}$"#, options: .regularExpression) != nil, parts.count >= 2, !parts[1].isEmpty
                else { v.add("choices", .invalidChoice); break }
                parsed.append(.init(id: id, label: .init(en: parts[1], fr: parts.count > 2 ? parts[2] : "", es: parts.count > 3 ? parts[3] : "")))
            }
            if parsed.count < 2 || Set(parsed.map(\.id)).count != parsed.count, !v.errors.contains(where: { $0.field == "choices" }) {
                v.add("choices", .invalidChoice)
            }
        }
        guard v.isValid, let kind, let audience else { return (nil, v.errors) }
        return (Question(id: id, kind: kind, required: required, audience: audience, prompt: .init(en: en, fr: fr, es: es), choices: parsed), [])
    }
}
