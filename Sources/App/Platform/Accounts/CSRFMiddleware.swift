import Crypto
import Foundation
import Vapor

/// Every state-changing browser request must echo the session's CSRF token, as a form field or header.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard !request.isAPI, ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        // A streamed upload's token arrives inside its body: `StreamedUpload.receive` checks it before writing.
        if request.route?.streamsBody == true { return try await next.respond(to: request) }
        // A page without cookies has no session to hold a token: its handler checks the form's own token.
        if request.route?.isCookieless == true { return try await next.respond(to: request) }
        // Routes collect their bodies after middleware runs; a body that arrived in several chunks must be
        // collected here, up to the route's own limit, before the token can be read.
        if request.body.data == nil {
            let limit = request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize
            _ = try await request.body.collect(max: limit.value).get()
        }
        // Vapor's decoder refuses names it cannot nest (`steps[0].id` beside `steps[0].title.en`); the raw pairs do not.
        let supplied = (try? request.content.get(String.self, at: Self.fieldName)) ?? FormFields.pairs(request).first { $0.0 == Self.fieldName }?.1
        try Self.verify(request, supplied: supplied)
        return try await next.respond(to: request)
    }

    /// The header, or else the form's field, must equal the session's token.
    static func verify(_ request: Request, supplied field: String?) throws {
        guard !request.isAPI else { return }
        let expected = request.hasSession ? request.session.data[sessionKey] : nil
        guard let expected, let supplied = request.headers.first(name: headerName) ?? field, constantTimeEqual(expected, supplied) else {
            throw AppError.csrfRejected
        }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = SecretToken().plaintext
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
