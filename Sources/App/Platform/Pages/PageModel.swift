import ExchangeCore
import Vapor

/// What one page shows, built from plain values (no `Request`, no database), so it is tested without the app.
/// The controller loads and authorizes, builds the model, and renders it with `req.page(model)`.
protocol PageModel: Encodable, Sendable {
    /// The Leaf template that renders the model.
    static var template: String { get }
    /// The catalog key of the page's title.
    var titleKey: String { get }
}

extension Request {
    func page<M: PageModel>(_ model: M) async throws -> View {
        try await page(M.template, title: model.titleKey, model)
    }

    func page<M: PageModel>(_ model: M, status: HTTPResponseStatus) async throws -> Response {
        try await page(M.template, title: model.titleKey, model, status: status)
    }

    /// Runs `change`; when it refuses the input (`AppError.validation`), the form comes back with its errors and
    /// 422, built by `form`. Every page that takes a form answers bad input this one way.
    func formAgainIfInvalid(_ change: () async throws -> Response,
                            form: ([FieldError]) async throws -> any AsyncResponseEncodable) async throws -> Response {
        do {
            return try await change()
        } catch AppError.validation(let errors) {
            let response = try await form(errors).encodeResponse(for: self)
            response.status = .unprocessableEntity
            return response
        }
    }
}
