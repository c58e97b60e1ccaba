import ExchangeCore
import Vapor

/// Field values to put back into a form and each field's error, in the request's language.
struct FormState: Encodable, Sendable {
    let values: [String: String]
    let errors: [String: String]
    /// Stored so templates can show an error summary that links to each field.
    let hasErrors: Bool
    let summary: [SummaryItem]

    struct SummaryItem: Encodable, Sendable {
        let anchor: String
        let message: String
    }

    init(values: [String: String] = [:]) {
        self.values = values
        self.errors = [:]
        self.hasErrors = false
        self.summary = []
    }

    /// `labels` names fields that have no catalog label, such as a questionnaire's questions.
    init(values: [String: String], errors: [FieldError], on req: some Translating, labels: [String: String] = [:]) {
        self.values = values
        var messages: [String: String] = [:]
        var summary: [SummaryItem] = []
        for error in errors where messages[error.field] == nil {
            let message = req.t("error.\(error.code.rawValue)")
            messages[error.field] = message
            let label = labels[error.field] ?? Self.label(error.field, req)
            summary.append(SummaryItem(anchor: "#" + Self.anchor(error.field), message: label + ": " + message))
        }
        self.errors = messages
        self.hasErrors = !messages.isEmpty
        self.summary = summary
    }

    /// A readiness rating's field is named after its area: readiness, the area, and note for its note.
    static func label(_ field: String, _ req: some Translating) -> String {
        if field.hasPrefix("readiness.") {
            return req.t("readiness.\(field.split(separator: ".")[1])")
        }
        if field.hasPrefix("weights.") {
            return req.t("criterion.\(field.split(separator: ".")[1])")
        }
        if let label = TermsFormLabels.label(field, req) { return label }
        return req.t("field.\(field)")
    }

    static func anchor(_ field: String) -> String {
        guard field.hasPrefix("readiness.") else { return field }
        let area = field.split(separator: ".")[1]
        return field.hasSuffix(".note") ? "note_\(area)" : "readiness_\(area)"
    }
}

extension Request {
    /// Renders a page with a given status, e.g. 422 for a form sent back with errors.
    func page<C: Encodable>(_ template: String, title: String, _ content: C, status: HTTPResponseStatus) async throws -> Response {
        let response = try await page(template, title: title, content).encodeResponse(for: self)
        response.status = status
        return response
    }

    /// The id in a path parameter; anything that is not a UUID is simply not found.
    func uuidParameter(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw AppError.notFound }
        return id
    }
}

/// Options for a select element.
struct Option: Encodable, Sendable, Equatable {
    let value: String
    let label: String
    let selected: Bool
}

/// A coordinator's decision on something screening left for review: eligible or not, with a reason.
struct CoordinatorDecisionForm: Content {
    var decision: String?
    var reason: String?

    /// The outcome chosen; anything but the two offered is a field error.
    func eligible() throws -> Bool {
        switch decision {
        case "eligible": return true
        case "ineligible": return false
        default: throw AppError.validation([FieldError("decision", .invalidChoice)])
        }
    }
}

extension Option {
    /// One option per case, labelled from the catalogue key `<labels>.<raw value>`, in declaration order.
    static func cases<Choice: RawRepresentable>(_ cases: some Sequence<Choice>, labels: String, selected: some Sequence<String>,
                                                _ req: some Translating) -> [Option] where Choice.RawValue == String {
        let chosen = Set(selected)
        return cases.map { Option(value: $0.rawValue, label: req.t("\(labels).\($0.rawValue)"), selected: chosen.contains($0.rawValue)) }
    }

    /// The same, for a choice of at most one.
    static func cases<Choice: RawRepresentable>(_ choices: some Sequence<Choice>, labels: String, selected: String?,
                                                _ req: some Translating) -> [Option] where Choice.RawValue == String {
        Option.cases(choices, labels: labels, selected: selected.map { [$0] } ?? [], req)
    }
}
