import ExchangeCore

extension GeoReport {
    /// A subject's questionnaire as a service definition: every report field that a form can send as text, then the
    /// questions about the reporter, all optional. Files are left out, since the standard sends only media links.
    public static func definition(code: String, of questionnaire: ReportQuestionnaire, in language: SupportedLanguage,
                                  regions: [(code: String, name: String)], yesNo: (YesNo) -> String) -> ServiceDefinition {
        let fields = questionnaire.reportFields.map { ($0.field, $0.field.required) } + questionnaire.demographics.map { ($0, false) }
        let attributes = fields.filter { $0.0.kind != .file }.enumerated().map { index, pair in
            let (question, required) = pair
            return Attribute(variable: true, code: question.id, datatype: datatype(question.kind), required: required && question.showWhen == nil,
                             datatypeDescription: [question.help[language], question.why[language]].filter { !$0.isEmpty }.joined(separator: " "),
                             order: index + 1, description: question.label[language],
                             values: values(question, language: language, regions: regions, yesNo: yesNo))
        }
        return ServiceDefinition(serviceCode: code, attributes: attributes)
    }

    static func datatype(_ kind: ReportQuestion.Kind) -> String {
        switch kind {
        case .text, .file: "string"
        case .longText: "text"
        case .amount: "number"
        case .date: "datetime"
        case .choice, .yesNo, .location: "singlevaluelist"
        case .multipleChoice: "multivaluelist"
        }
    }

    static func values(_ question: ReportQuestion, language: SupportedLanguage, regions: [(code: String, name: String)],
                       yesNo: (YesNo) -> String) -> [Value]? {
        switch question.kind {
        case .choice, .multipleChoice: question.options.map { Value(key: $0.id, name: $0.label[language]) }
        case .yesNo: YesNo.allCases.map { Value(key: $0.rawValue, name: yesNo($0)) }
        case .location: regions.map { Value(key: $0.code, name: $0.name) }
        default: nil
        }
    }

    /// The answers a `POST requests` body gives, as the questionnaire reads them: `attribute[code]` (repeated, or as
    /// `attribute[code][]`, for several values), and `description` for the first long-text question left unanswered.
    /// Everything else the standard allows (name, e-mail, phone, device, position) is left out: it is never kept.
    public static func answers(from pairs: [(String, String)], for questionnaire: ReportQuestionnaire) -> [String: [String]] {
        var answers: [String: [String]] = [:]
        for (name, value) in pairs where name.hasPrefix("attribute[") {
            var code = name.dropFirst("attribute[".count)
            if code.hasSuffix("][]") { code = code.dropLast(3) } else if code.hasSuffix("]") { code = code.dropLast() } else { continue }
            answers[String(code), default: []].append(value)
        }
        if let description = pairs.first(where: { $0.0 == "description" })?.1,
           let story = questionnaire.reportFields.first(where: { $0.field.kind == .longText && answers[$0.field.id] == nil }) {
            answers[story.field.id] = [description]
        }
        return answers
    }
}
