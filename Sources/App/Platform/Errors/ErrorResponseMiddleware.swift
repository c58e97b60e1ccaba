import ExchangeCore
import ProcurementLedger
import Vapor

/// Turns every error into the API's one JSON shape or an HTML page, in the request's language.
/// Server errors are logged with the request id; their details never reach the client.
struct ErrorResponseMiddleware: AsyncMiddleware {
    struct Body: Content {
        struct Detail: Content {
            let code: String
            let message: String
            let fields: [FieldDetail]?
        }
        struct FieldDetail: Content {
            let field: String
            let reason: String
        }
        let error: Detail
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, code, fields) = Self.classify(error, request: request)
            if status.code >= 500 {
                request.logger.report(error: error)
            }
            if status == .conflict, let page = Self.pageAfterRefusedForm(request) {
                // A form that lost a race (a second click, another coordinator first): say so on the page that shows
                // what happened instead.
                request.flash("error.\(code)")
                return request.redirect(to: page)
            }
            let response = try await render(status: status, code: code, fields: fields, for: request)
            if status == .methodNotAllowed {
                response.headers.replaceOrAdd(name: .allow, value: Self.allowedMethods(request).map(\.rawValue).joined(separator: ", "))
            }
            return response
        }
    }

    typealias FieldMessage = (field: String, reason: String)

    static func classify(_ error: Error, request: Request) -> (HTTPResponseStatus, String, [FieldMessage]) {
        switch error {
        case let app as AppError:
            if case .validation(let fields) = app {
                return (app.status, app.code, fields.map { ($0.field, request.t("error.\($0.code.rawValue)")) })
            }
            if case .validationMessages(let messages) = app { return (app.status, app.code, messages) }
            return (app.status, app.code, [])
        case let refusal as LedgerRefusal:
            let status = HTTPResponseStatus(statusCode: refusal.httpStatus)
            if case .schema(let pointer, let problem) = refusal { return (status, "ledger_schema", [(pointer, problem)]) }
            return (status, "ledger_\(refusal.code)", [])
        case is DecodingError:
            return (.badRequest, "invalid_body", [])
        case is RouteNotFound where !allowedMethods(request).isEmpty:
            // The address exists with other methods: say which, instead of pretending it does not exist.
            return (.methodNotAllowed, "method_not_allowed", [])
        case let abort as AbortError:
            switch abort.status {
            case .notFound: return (.notFound, "not_found", [])
            case .unsupportedMediaType: return (.unsupportedMediaType, "unsupported_media_type", [])
            case .payloadTooLarge: return (.payloadTooLarge, "payload_too_large", [])
            case .methodNotAllowed: return (.methodNotAllowed, "method_not_allowed", [])
            case let status where status.code < 500: return (status, "bad_request", [])
            default: return (.internalServerError, "internal", [])
            }
        default:
            return (.internalServerError, "internal", [])
        }
    }

    /// The nearest page above a refused form's address, such as `/matches/{id}` for `/matches/{id}/cancel`.
    static func pageAfterRefusedForm(_ request: Request) -> String? {
        guard request.method == .POST, !request.isAPI, request.hasSession,
              request.headers.accept.mediaTypes.first != .json else { return nil }
        var path = request.url.path.split(separator: "/").map(String.init)
        let pages = request.application.routes.all.filter { $0.method == .GET }.map(\.path)
        while !path.isEmpty {
            path.removeLast()
            if pages.contains(where: { Self.matches($0, path) }) { return "/" + path.joined(separator: "/") }
        }
        return nil
    }

    /// The methods the route table answers at the request's address.
    static func allowedMethods(_ request: Request) -> [HTTPMethod] {
        let path = request.url.path.split(separator: "/").map(String.init)
        let methods = request.application.routes.all.filter { matches($0.path, path) }.map(\.method)
        return methods.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    private static func matches(_ pattern: [PathComponent], _ path: [String]) -> Bool {
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy { component, part in
            switch component {
            case .constant(let text): text == part
            case .parameter: true
            case .anything, .catchall: true
            }
        }
    }

    private func render(status: HTTPResponseStatus, code: String, fields: [FieldMessage], for request: Request) async throws -> Response {
        let message = request.t("error.\(code)")
        if request.route?.errorShape == .open311 {
            return try Open311Format(path: request.url.path).error(status: status, message: message, fields: fields)
        }
        if request.isAPI || request.headers.accept.mediaTypes.first == .json {
            let body = Body(error: .init(
                code: code, message: message,
                fields: fields.isEmpty ? nil : fields.map { .init(field: $0.field, reason: $0.reason) }))
            let response = Response(status: status)
            try response.content.encode(body)
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
        return try await request.page(ErrorPage(status: status.code, message: message, backHref: Self.back(from: request)), status: status)
    }

    /// The path of the `Referer`, when it is a page of this site other than the one that failed; never another site.
    static func back(from request: Request) -> String? {
        guard let referer = request.headers.first(name: .referer), let url = URL(string: referer),
              let host = request.headers.first(name: .host), url.host.map({ host == $0 || host.hasPrefix($0 + ":") }) == true,
              url.path.hasPrefix("/") else { return nil }
        let path = url.path + (url.query.map { "?" + $0 } ?? "")
        return path == request.url.string ? nil : path
    }
}
