/// Who files a conflict-of-interest declaration for an engagement.
public enum DeclaringParty: String, CaseIterable, Codable, Sendable {
    case expert
    case publicBody = "public_body"
}

/// The questions of the structured declaration. Apparent and potential conflicts count, not only actual ones.
public enum ConflictQuestion: String, CaseIterable, Codable, Sendable {
    /// Current or recent (the programme's look-back years) employment with the other side or its suppliers.
    case employment
    case financialInterests = "financial_interests"
    /// Contracts or bids between the expert's employer and the public body.
    case contractsOrBids = "contracts_or_bids"
    case personalRelations = "personal_relations"
    /// The body supervises the expert's employer or its sector.
    case oversight
    case contractualRestrictions = "contractual_restrictions"
    /// Anything else that could look like bias, personal gain or undue influence.
    case other
}

/// One party's answers. Every question needs a yes or no; a yes needs details.
public struct ConflictDeclaration: Sendable, Equatable, Codable {
    public struct Answer: Sendable, Equatable, Codable {
        public var declared: Bool
        public var details: String

        public init(declared: Bool, details: String = "") {
            self.declared = declared
            self.details = details
        }
    }

    public var answers: [ConflictQuestion: Answer]

    public static let defaultLookbackYears = 3

    public init(answers: [ConflictQuestion: Answer]) {
        self.answers = answers
    }

    /// The questions answered yes.
    public var declaredConflicts: [ConflictQuestion] { ConflictQuestion.allCases.filter { answers[$0]?.declared == true } }

    /// Reads a form or API body: `yes`/`no` per question (`<question>`), details in `<question>_details`, and the
    /// attestation that the answers are complete.
    public static func parse(choices: [String: String], details: [String: String], attested: Bool) -> (ConflictDeclaration, [FieldError]) {
        var v = Validator()
        var answers: [ConflictQuestion: Answer] = [:]
        for question in ConflictQuestion.allCases {
            let field = question.rawValue
            let text = v.text("\(field)_details", details[field], required: false, maxLength: 2000)
            switch choices[field] {
            case "yes":
                if text.isEmpty { v.add("\(field)_details", .required) }
                answers[question] = Answer(declared: true, details: text)
            case "no": answers[question] = Answer(declared: false, details: text)
            case nil, "": v.add(field, .required)
            default: v.add(field, .invalidChoice)
            }
        }
        if !attested { v.add("attested", .required) }
        return (ConflictDeclaration(answers: answers), v.errors)
    }
}
