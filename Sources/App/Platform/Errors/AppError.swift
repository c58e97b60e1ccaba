import ExchangeCore
import Vapor

/// Errors a person or client can act on. Each has a stable code and a message in every catalog (`error.<code>`).
enum AppError: Error {
    case unauthenticated
    case invalidToken
    case forbidden
    /// Not allowed until the caller does something first, such as opening their reading key; 403 with its own message.
    case forbiddenUntil(code: String)
    case notFound
    case csrfRejected
    case validation([FieldError])
    /// Problems already worded in the reader's language, e.g. one per line of an uploaded file.
    case validationMessages([(field: String, reason: String)])
    case badRequest(code: String)
    /// Well-formed but not acceptable as a whole, such as an idempotency key reused for another request.
    case unprocessable(code: String)
    case conflict(code: String)
    case tooManyAttempts
    /// Too much of something sent by everyone together, such as reports in a window; 429 with its own message.
    case rateLimited(code: String)
    /// A part of the platform this server cannot run now, such as printing PDFs without Chromium.
    case unavailable(code: String)

    var status: HTTPResponseStatus {
        switch self {
        case .unauthenticated, .invalidToken: .unauthorized
        case .forbidden, .forbiddenUntil, .csrfRejected: .forbidden
        case .notFound: .notFound
        case .validation, .validationMessages, .unprocessable: .unprocessableEntity
        case .badRequest: .badRequest
        case .conflict: .conflict
        case .tooManyAttempts, .rateLimited: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    var code: String {
        switch self {
        case .unauthenticated: "unauthenticated"
        case .invalidToken: "invalid_token"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .csrfRejected: "csrf_rejected"
        case .validation, .validationMessages: "validation_failed"
        case .badRequest(let code), .unprocessable(let code), .conflict(let code), .unavailable(let code), .rateLimited(let code),
             .forbiddenUntil(let code): code
        case .tooManyAttempts: "too_many_attempts"
        }
    }
}
