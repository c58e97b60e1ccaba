import ExchangeCore
import Vapor

/// Field values to put back into a form and each field's error, in the request's language.
struct FormState: Encodable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    var hasErrors: Bool { !errors.isEmpty }

    init(values: [String: String] = [:]) {
        self.values = values
    }

    init(values: [String: String], errors: [FieldError], on req: Request) {
        self.values = values
        for error in errors where self.errors[error.field] == nil {
            self.errors[error.field] = req.t("error.\(error.code.rawValue)")
        }
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
struct Option: Encodable {
    let value: String
    let label: String
    let selected: Bool
}
