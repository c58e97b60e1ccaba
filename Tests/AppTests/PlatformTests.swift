@testable import App
import ExchangeCore
import Fluent
import Logging
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor
import XCTest

final class PlatformTests: AppTestCase {
    func testOpenAPIDocumentDescribesEveryRegisteredAPIRoute() async throws {
        try await withTestApp(seed: false) { app in
            var document: [String: Any] = [:]
            try await app.test(.GET, "/api/v1/openapi.json", afterResponse: { res async in
                XCTAssertEqual(res.status, .ok)
                document = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
            })
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            let apiRoutes = app.routes.all.filter { $0.path.first?.description == "api" }
            XCTAssertFalse(apiRoutes.isEmpty)
            for route in apiRoutes {
                let path = "/" + route.path.dropFirst(2).map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                let operation = paths[path]?[route.method.rawValue.lowercased()]
                XCTAssertNotNil(operation, "\(route.method) \(path) is not in the OpenAPI document")
            }
            let documented = paths.flatMap { path, operations in operations.keys.filter { $0 != "parameters" }.map { "\($0.uppercased()) \(path)" } }
            XCTAssertEqual(documented.count, apiRoutes.count, "the document lists routes that do not exist")
        }
    }

    /// An address that exists answers a method it does not take with 405 and the methods it does take; an address
    /// that does not exist stays 404.
    func testAMethodAnAddressDoesNotTakeIs405WithAllow() async throws {
        try await withTestApp(seed: false) { app in
            try await app.test(.TRACE, "/api/v1/audit/public-key", afterResponse: { res async in
                XCTAssertEqual(res.status, .methodNotAllowed)
                XCTAssertEqual(res.headers.first(name: .allow), "GET")
                XCTAssertEqual(try? res.content.decode(ErrorResponseMiddleware.Body.self).error.code, "method_not_allowed")
            })
            try await app.test(.DELETE, "/api/v1/needs", afterResponse: { res async in
                XCTAssertEqual(res.status, .methodNotAllowed)
                XCTAssertEqual(res.headers.first(name: .allow), "GET, POST")
            })
            try await app.test(.DELETE, "/api/v1/no-such-place", afterResponse: { res async in
                XCTAssertEqual(res.status, .notFound)
            })
        }
    }

    /// An error page links back to the page of this site that led to it, and never to another site.
    func testAnErrorPageLinksBackToThePageThatLedThere() async throws {
        try await withTestApp(seed: false) { app in
            let fromHere: HTTPHeaders = ["Host": "exchange.example", "Referer": "http://exchange.example/needs?status=open"]
            try await app.test(.GET, "/no-such-page", headers: fromHere, afterResponse: { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertContains(res.body.string, #"<a href="/needs?status=open">Back to the page you came from</a>"#)
                XCTAssertTrue(res.body.string.contains("<nav"), "the navigation stays")
            })
            let elsewhere: HTTPHeaders = ["Host": "exchange.example", "Referer": "https://other.example/needs"]
            try await app.test(.GET, "/no-such-page", headers: elsewhere, afterResponse: { res async in
                XCTAssertFalse(res.body.string.contains("Back to the page you came from"))
            })
        }
    }

    /// Static files are served only from the public folder's own folders, with the security headers every
    /// response carries; any other path reaches the router.
    func testPublicFilesAreServedFromTheirFoldersOnly() async throws {
        try await withTestApp(seed: false) { app in
            try await app.test(.GET, "/css/app.css", afterResponse: { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType, .css)
                XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY")
            })
            try await app.test(.GET, "/js/run-progress.js", afterResponse: { res async in
                XCTAssertEqual(res.status, .ok)
            })
            try await app.test(.GET, "/css/missing.css", afterResponse: { res async in
                XCTAssertEqual(res.status, .notFound)
            })
            try await app.test(.GET, "/css/../Package.swift", afterResponse: { res async in
                XCTAssertNotEqual(res.status, .ok)
            })
            try await app.test(.GET, "/healthz", afterResponse: { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.first(name: "Cache-Control"), "no-store")
            })
        }
    }

    /// Guards the PostgreSQL pass in scripts/test: with DATABASE_URL set, the suite must really run on PostgreSQL.
    func testRunsOnTheConfiguredDatabase() async throws {
        try await withTestApp(seed: false) { app in
            let dialect = (app.db as? SQLDatabase)?.dialect.name
            XCTAssertEqual(dialect, usesPostgres ? "postgresql" : "sqlite")
        }
    }

    func testHealthAndMetrics() async throws {
        try await withTestApp(seed: false) { app in
            try await app.test(.GET, "/healthz", afterResponse: { res async in XCTAssertEqual(res.status, .ok) })
            try await app.test(.GET, "/metrics", afterResponse: { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertContains(res.body.string, "ix_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1")
                XCTAssertContains(res.body.string, "ix_audit_log_entries 0")
            })
        }
    }

    func testLogsCarryNoPasswordsTokensOrPersonalData() async throws {
        let captured = LogCapture()
        try await withTestApp(logger: Logger(label: "test") { _ in captured.handler }, adjust: { $0.logLevel = .trace }) { app in
            var visitor = BrowserSession(app: app)
            try await visitor.post("/login", form: ["email": Demo.coordinator, "password": "a wrong password"])
            try await visitor.login(Demo.coordinator)
            try await visitor.post("/invitations", form: ["email": "someone.private@example.org", "role": "analyst", "language": "en"])
            try await visitor.post("/password/forgot", form: ["email": Demo.expert])
            let reset = try await MailMessage.query(on: app.db).filter(\.$recipient == Demo.expert).first()
            let token = String(try XCTUnwrap(reset?.body.split(separator: "=").last?.split(separator: "\n").first))
            try await visitor.get("/password/reset?token=\(token)")
        }
        let text = captured.text
        XCTAssertFalse(text.isEmpty)
        for secret in [Demo.coordinator, Demo.password, "a wrong password", "someone.private@example.org", Demo.expert, "Cora Ordinator"] {
            XCTAssertFalse(text.contains(secret), "the log contains \(secret)")
        }
        XCTAssertContains(text, "request-id")
        XCTAssertContains(text, "/password/reset")
    }

    /// The Content-Security-Policy allows scripts from this site only, so an inline script would silently not run.
    func testTemplatesLoadScriptsFromFilesOnly() throws {
        let views = LocalizationTests.sources.appendingPathComponent("Resources/Views")
        for name in try FileManager.default.contentsOfDirectory(atPath: views.path) where name.hasSuffix(".leaf") {
            let text = try String(contentsOf: views.appendingPathComponent(name), encoding: .utf8)
            XCTAssertFalse(text.contains("<script>"), "\(name) has an inline script")
            XCTAssertFalse(text.range(of: #"\son[a-z]+=""#, options: .regularExpression) != nil, "\(name) has an inline event handler")
        }
    }

    func testDemoSeedingIsIdempotent() async throws {
        try await withTestApp { app in
            let entries = try await AuditEntryRecord.query(on: app.db).count()
            let again = try await Platform.seedDemo(app)
            XCTAssertEqual(again.created, 0)
            let after = try await AuditEntryRecord.query(on: app.db).count()
            XCTAssertEqual(after, entries)
            XCTAssertEqual(Set(again.logins.map(\.role)), Set(Role.allCases.map(\.rawValue)), "every role can sign in")
            XCTAssertEqual(Set(again.logins.map(\.language)), ["en", "fr", "es"])
        }
    }

    func testConfigurationRejectsUnusableValuesByName() {
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["PORT": "eighty"])) { XCTAssertContains("\($0)", "PORT") }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["DATABASE_URL": "mysql://x"])) { XCTAssertContains("\($0)", "DATABASE_URL") }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["MAIL_TRANSPORT": "pigeon"])) { XCTAssertContains("\($0)", "MAIL_TRANSPORT") }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["LOG_LEVEL": "loud"])) { XCTAssertContains("\($0)", "LOG_LEVEL") }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["REPORT_KDF_CONCURRENCY": "0"])) { XCTAssertContains("\($0)", "REPORT_KDF_CONCURRENCY") }
        XCTAssertEqual(try? AppConfiguration.fromEnvironment(["REPORT_KDF_CONCURRENCY": "4"]).reportStretchConcurrency, 4)
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["REPORT_RECEIPT_FAILURES": "none"])) { XCTAssertContains("\($0)", "REPORT_RECEIPT_FAILURES") }
        XCTAssertEqual(try? AppConfiguration.fromEnvironment(["REPORT_RECEIPT_FAILURES": "20"]).reportReceiptFailures, 20)
        let config = try? AppConfiguration.fromEnvironment(["DATA_DIR": "/srv/ix", "PORT": "9000"])
        XCTAssertEqual(config?.database, .sqliteFile(path: "/srv/ix/integrity.sqlite"))
        XCTAssertEqual(config?.baseURL, "http://127.0.0.1:9000")
        XCTAssertEqual(config?.resolvedAuditKeyPath, "/srv/ix/audit-signing-key")
    }
}

/// Collects every log line a test produces.
final class LogCapture: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }

    var handler: LogHandler { Handler(capture: self) }

    fileprivate func append(_ line: String) { lines.withLockedValue { $0.append(line) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))")
        }
    }
}
