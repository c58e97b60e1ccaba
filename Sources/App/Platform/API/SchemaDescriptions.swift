import ExchangeCore

// Types whose JSON is a hand-written shape, described for the API description.

extension CalendarDate: SchemaDescribing {
    static let jsonSchema: OpenAPIValue = ["type": "string", "format": "date"]
    static let schemaSample = CalendarDate(year: 2026, month: 1, day: 1)!
}

extension APIEvaluationController.AnswerInput: SchemaDescribing {
    static let jsonSchema: OpenAPIValue = ["oneOf": [["type": "string"], ["type": "number"], ["type": "array", "items": ["type": "string"]]]]
    static let schemaSample = Self.one("")
}
