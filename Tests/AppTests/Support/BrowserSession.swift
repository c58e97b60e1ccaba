@testable import App
import Foundation
import XCTVapor
import XCTest

/// A cookie-carrying client that behaves like a browser: it reads the CSRF token from pages and sends it back.
struct BrowserSession {
    let app: Application
    var cookie: String?
    var csrf: String?
    /// The last page's one-time form token; sent only when a test asks (`once: true`), as a real form would.
    var once: String?
    /// Other cookies the site set (the reader's key half), sent back like a browser (paths are not told apart).
    var otherCookies: [String: String] = [:]

    init(app: Application) {
        self.app = app
    }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        let all = (cookie.map { [(SessionSetup.cookieName, $0)] } ?? []) + otherCookies.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if !all.isEmpty { headers.add(name: .cookie, value: all.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")) }
        return headers
    }

    @discardableResult
    mutating func get(_ path: String, accept language: String? = nil) async throws -> XCTHTTPResponse {
        var headers = self.headers
        if let language { headers.add(name: .acceptLanguage, value: language) }
        var captured: XCTHTTPResponse?
        try await app.test(.GET, path, headers: headers, afterResponse: { res async in
            captured = res
        })
        let response = try XCTUnwrap(captured)
        remember(response)
        return response
    }

    /// Posts a form with the session's CSRF token (unless `csrf` is false).
    @discardableResult
    mutating func post(_ path: String, form: [String: String] = [:], arrays: [String: [String]] = [:], csrf: Bool = true,
                       once: Bool = false) async throws -> XCTHTTPResponse {
        if csrf && self.csrf == nil { try await get("/login") }
        var fields = form
        if csrf, let token = self.csrf { fields["_csrf"] = token }
        if once, let token = self.once { fields["_once"] = token }
        // In a stable order, as a browser sends a form's fields in document order.
        var pairs = fields.sorted { $0.key < $1.key }.map { "\(escape($0.key))=\(escape($0.value))" }
        for (key, values) in arrays.sorted(by: { $0.key < $1.key }) { pairs += values.map { "\(escape(key + "[]"))=\(escape($0))" } }
        var headers = self.headers
        headers.contentType = .urlEncodedForm
        var captured: XCTHTTPResponse?
        try await app.test(.POST, path, headers: headers, body: ByteBuffer(string: pairs.joined(separator: "&")), afterResponse: { res async in
            captured = res
        })
        let response = try XCTUnwrap(captured)
        remember(response)
        return response
    }

    /// Posts one file as multipart/form-data, with the session's CSRF token, as a file input would.
    @discardableResult
    mutating func upload(_ path: String, fields: [String: String] = [:], field: String, filename: String, bytes: [UInt8],
                         contentType: String) async throws -> XCTHTTPResponse {
        if self.csrf == nil { try await get("/login") }
        let boundary = "----integrity-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf ?? "")\r\n")
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
        body.writeString("Content-Type: \(contentType)\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var captured: XCTHTTPResponse?
        try await app.test(.POST, path, headers: headers, body: body, afterResponse: { res async in captured = res })
        let response = try XCTUnwrap(captured)
        remember(response)
        return response
    }

    mutating func login(_ email: String, password: String = AppTestCase.Demo.password) async throws {
        let response = try await post("/login", form: ["email": email, "password": password])
        XCTAssertEqual(response.status, .seeOther, "login as \(email) failed: \(response.body.string.prefix(300))")
        try await get("/")
    }

    /// Asserts that a form was refused because the state had moved on (409): the browser is sent to the page above
    /// the form, which says why in a flash.
    @discardableResult
    mutating func assertRefused(_ response: XCTHTTPResponse, _ message: String = "", file: StaticString = #filePath,
                                line: UInt = #line) async throws -> String {
        XCTAssertEqual(response.status, .seeOther, message, file: file, line: line)
        let location = try XCTUnwrap(response.headers.first(name: .location), file: file, line: line)
        let page = try await get(location)
        XCTAssertEqual(page.status, .ok, file: file, line: line)
        XCTAssertContains(page.body.string, #"<p class="flash" role="status">"#, file: file, line: line)
        return page.body.string
    }

    /// A page with its one-time form token blanked, for comparing two pages that must say the same.
    static func withoutOneTimeToken(_ page: String) -> String {
        page.replacingOccurrences(of: #"name="_once" value="[^"]+""#, with: #"name="_once" value="""#, options: .regularExpression)
    }

    private mutating func remember(_ response: XCTHTTPResponse) {
        if let value = response.headers.setCookie?[SessionSetup.cookieName] {
            cookie = value.string.isEmpty ? nil : value.string
        }
        for (name, value) in response.headers.setCookie?.all ?? [:] where name != SessionSetup.cookieName {
            otherCookies[name] = value.string.isEmpty ? nil : value.string
        }
        let body = response.body.string
        if let range = body.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) {
            let match = body[range]
            csrf = String(match.split(separator: "\"")[3])
        }
        if let range = body.range(of: #"name="_once" value="([^"]+)""#, options: .regularExpression) {
            once = String(body[range].split(separator: "\"")[3])
        }
    }

    private func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
