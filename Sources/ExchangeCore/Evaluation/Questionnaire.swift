/// Text in each of the programme's languages.
public struct LocalizedText: Codable, Sendable, Equatable {
    public var en: String
    public var fr: String
    public var es: String

    public init(en: String, fr: String, es: String) {
        (self.en, self.fr, self.es) = (en, fr, es)
    }

    public subscript(language: SupportedLanguage) -> String {
        switch language {
        case .en: en
        case .fr: fr.isEmpty ? en : fr
        case .es: es.isEmpty ? en : es
        }
    }
}

public enum QuestionKind: String, CaseIterable, Codable, Sendable {
    /// 1 (lowest) to 5 (highest).
    case likert
    case single
    case multiple
    case number
    case text
}

/// Which side of the exchange answers a question.
public enum Audience: String, CaseIterable, Codable, Sendable {
    case both
    case publicBody = "public_body"
    case expert

    public func includes(_ party: DeclaringParty) -> Bool {
        switch self {
        case .both: true
        case .publicBody: party == .publicBody
        case .expert: party == .expert
        }
    }
}

/// What a question measures for the programme's KPIs, if anything.
public enum QuestionRole: String, CaseIterable, Codable, Sendable {
    /// Knowledge, capability or skills in one of the need's priority areas: asked before and after (KPI 2).
    case knowledge
    /// Whether the beneficiary's priorities and needs are being met (KPI 1).
    case needsMet = "needs_met"
    /// How satisfied the participant is (KPI 3's feedback).
    case satisfaction
}

public struct Question: Codable, Sendable, Equatable {
    public struct Choice: Codable, Sendable, Equatable {
        public var id: String
        public var label: LocalizedText
    }

    /// Stable within a questionnaire; answers and KPI pairs refer to it.
    public var id: String
    public var kind: QuestionKind
    public var required: Bool
    public var audience: Audience
    public var role: QuestionRole?
    public var prompt: LocalizedText
    public var choices: [Choice]

    public init(id: String, kind: QuestionKind, required: Bool = true, audience: Audience = .both, role: QuestionRole? = nil,
                prompt: LocalizedText, choices: [Choice] = []) {
        (self.id, self.kind, self.required, self.audience, self.role, self.prompt, self.choices) = (id, kind, required, audience, role, prompt, choices)
    }
}

/// The moments the programme evaluates an exchange.
public enum EvaluationStage: String, CaseIterable, Codable, Sendable {
    /// Before the start, once the Terms are signed.
    case pre
    /// Half-way through.
    case mid
    /// At closing.
    case post
}

public struct Questionnaire: Codable, Sendable, Equatable {
    public var stage: EvaluationStage
    public var title: LocalizedText
    public var questions: [Question]

    public init(stage: EvaluationStage, title: LocalizedText, questions: [Question]) {
        (self.stage, self.title, self.questions) = (stage, title, questions)
    }

    public func questions(for party: DeclaringParty) -> [Question] {
        questions.filter { $0.audience.includes(party) }
    }
}

/// One answer, of the question's kind.
public enum AnswerValue: Codable, Sendable, Equatable {
    case likert(Int)
    case choice(String)
    case choices([String])
    case number(Double)
    case text(String)

    public var likert: Int? {
        if case .likert(let value) = self { return value }
        return nil
    }

    /// The answer as one CSV cell.
    public var exported: String {
        switch self {
        case .likert(let value): String(value)
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: ";")
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let text): text
        }
    }
}

/// A respondent's answers as a form or the API sends them (several values for a multiple choice), checked against
/// the questionnaire. Errors name the question's id.
public enum QuestionnaireAnswers {
    public static func parse(_ raw: [String: [String]], for questions: [Question]) -> ([String: AnswerValue], [FieldError]) {
        var answers: [String: AnswerValue] = [:]
        var errors: [FieldError] = []
        for question in questions {
            let values = (raw[question.id] ?? []).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !values.isEmpty else {
                if question.required { errors.append(FieldError(question.id, .required)) }
                continue
            }
            let ids = Set(question.choices.map(\.id))
            switch question.kind {
            case .likert:
                guard values.count == 1, let value = Int(values[0]), (1...5).contains(value) else {
                    errors.append(FieldError(question.id, .outOfRange)); continue
                }
                answers[question.id] = .likert(value)
            case .single:
                guard values.count == 1, ids.contains(values[0]) else { errors.append(FieldError(question.id, .invalidChoice)); continue }
                answers[question.id] = .choice(values[0])
            case .multiple:
                guard values.allSatisfy(ids.contains) else { errors.append(FieldError(question.id, .invalidChoice)); continue }
                answers[question.id] = .choices(question.choices.map(\.id).filter(values.contains))
            case .number:
                guard values.count == 1, let value = Double(values[0].replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                    errors.append(FieldError(question.id, .notANumber)); continue
                }
                answers[question.id] = .number(value)
            case .text:
                let text = values.joined(separator: "\n")
                guard text.count <= 4000 else { errors.append(FieldError(question.id, .tooLong)); continue }
                answers[question.id] = .text(text)
            }
        }
        return (answers, errors)
    }
}
