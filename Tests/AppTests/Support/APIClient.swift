@testable import App
import ExchangeCore
import Foundation
import XCTVapor
import XCTest

/// Calls /api/v1 with a personal token, as a script would.
struct APIClient {
    let app: Application
    let token: String?

    static func forUser(_ user: User, app: Application) async throws -> APIClient {
        let secret = SecretToken(prefix: APIToken.prefix)
        try await APIToken(id: UUID(), userID: user.id!, name: "test", secret: secret, now: app.clock.now()).create(on: app.db)
        return APIClient(app: app, token: secret.plaintext)
    }

    static func anonymous(_ app: Application) -> APIClient { APIClient(app: app, token: nil) }

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, headers extra: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var headers = extra
        if let token { headers.bearerAuthorization = .init(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        var captured: XCTHTTPResponse?
        try await app.test(method, path, headers: headers, body: body, afterResponse: { res async in captured = res })
        return try XCTUnwrap(captured)
    }

    /// Sends raw bytes, as an upload script would.
    func send(_ method: HTTPMethod, _ path: String, bytes: [UInt8], contentType: String,
              headers extra: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var headers = extra
        if let token { headers.bearerAuthorization = .init(token: token) }
        headers.replaceOrAdd(name: .contentType, value: contentType)
        var captured: XCTHTTPResponse?
        try await app.test(method, path, headers: headers, body: ByteBuffer(bytes: bytes), afterResponse: { res async in captured = res })
        return try XCTUnwrap(captured)
    }

    /// The API's one error shape, as the app encodes it.
    typealias ErrorBody = ErrorResponseMiddleware.Body
}
