@testable import App
import ExchangeCore
import Fluent
import Foundation
import SecureReporting
import XCTVapor
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Open311 GeoReport v2 over HTTP, as a civic-reporting client uses it: services, a definition, sending a complaint
/// and reading its status, in JSON and XML, errors in GeoReport's shape, no cookie and nothing personal kept.
final class Open311Tests: AppTestCase {
    private let base = Open311Tests.base
    private static let base = "/api/v1/open311/v2"
    private let bribery = SeedQuestionnaire.bribery.key

    private func send(_ app: Application, _ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil,
                      headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        try await Self.send(app, method, path, form: form, headers: headers)
    }

    private static func send(_ app: Application, _ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil,
                      headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var headers = headers
        var body: ByteBuffer?
        if let form {
            headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
            body = ByteBuffer(string: form.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                .joined(separator: "&"))
        }
        var captured: XCTHTTPResponse?
        try await app.test(method, path, headers: headers, body: body, afterResponse: { res async in captured = res })
        let response = try XCTUnwrap(captured)
        XCTAssertNil(response.headers.first(name: .setCookie), "GeoReport sets no cookie")
        XCTAssertEqual(response.headers.first(name: .cacheControl), "no-store")
        return response
    }

    private func complaint(_ extra: [(String, String)] = []) -> [(String, String)] {
        [("service_code", bribery), ("attribute[danger]", "no"), ("attribute[service]", "police"), ("attribute[where]", "155"),
         ("description", "An officer asked for cash to return my papers. \(ReportIntakeTests.canary)")] + extra
    }

    private func isWellFormedXML(_ text: String) -> Bool { XMLParser(data: Data(text.utf8)).parse() }

    func testServicesAreTheComplaintSubjectsWithTheirQuestionnaires() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let services = try await send(app, .GET, "\(base)/services.json?lang=fr")
            XCTAssertEqual(services.status, .ok)
            let listed = try JSONDecoder().decode([GeoReport.Service].self, from: services.body)
            XCTAssertEqual(listed.map(\.serviceCode), [bribery], "whistleblowing is never offered to outside clients")
            XCTAssertEqual(listed.first?.serviceName, "Corruption dans un service public")
            XCTAssertEqual(listed.first?.metadata, true)

            let xml = try await send(app, .GET, "\(base)/services.xml")
            XCTAssertEqual(xml.headers.contentType?.subType, "xml")
            XCTAssertTrue(isWellFormedXML(xml.body.string))
            XCTAssertContains(xml.body.string, "<service_code>\(bribery)</service_code>")

            let definition = try await send(app, .GET, "\(base)/services/\(bribery).json?lang=es")
            let attributes = try JSONDecoder().decode(GeoReport.ServiceDefinition.self, from: definition.body).attributes
            let byCode = Dictionary(uniqueKeysWithValues: attributes.map { ($0.code, $0) })
            XCTAssertEqual(byCode["danger"]?.datatype, "singlevaluelist")
            XCTAssertEqual(byCode["danger"]?.required, true)
            XCTAssertEqual(byCode["danger"]?.values?.map(\.name), ["Sí", "No"])
            XCTAssertEqual(byCode["account"]?.datatype, "text")
            XCTAssertEqual(byCode["amount"]?.required, false, "a question shown only after some answer is never required up front")
            XCTAssertTrue(byCode["where"]?.values?.contains { $0.key == "155" } == true)
            XCTAssertEqual(attributes.map(\.order), Array(1...attributes.count))
            let definitionXML = try await send(app, .GET, "\(base)/services/\(bribery).xml")
            XCTAssertTrue(isWellFormedXML(definitionXML.body.string))

            let hidden = try await send(app, .GET, "\(base)/services/\(SeedQuestionnaire.officialMisconduct.key).json?lang=fr")
            XCTAssertEqual(hidden.status, .notFound)
            let errors = try JSONDecoder().decode([GeoReport.Error].self, from: hidden.body)
            XCTAssertEqual(errors.first?.code, 404)
            let hiddenXML = try await send(app, .GET, "\(base)/services/\(SeedQuestionnaire.officialMisconduct.key).xml")
            XCTAssertTrue(isWellFormedXML(hiddenXML.body.string))
            XCTAssertContains(hiddenXML.body.string, "<code>404</code>")
        }
    }

    func testAComplaintSentByAClientIsSealedRoutedAndFollowedByItsStatus() async throws {
        try await withTestApp { app in
            let (unit, _) = try await reportingRecipients(app)
            let created = try await send(app, .POST, "\(base)/requests.json?lang=fr",
                                         form: complaint([("email", "resident-\(ReportIntakeTests.canary)@example.org"), ("first_name", "Ana"),
                                                          ("lat", "48.85"), ("long", "2.35")]))
            XCTAssertEqual(created.status, .created)
            let answer = try XCTUnwrap(try JSONDecoder().decode([GeoReport.Created].self, from: created.body).first)
            let receipt = try XCTUnwrap(answer.serviceNotice.range(of: #"\d{4} \d{4} \d{4} \d{4}"#, options: .regularExpression).map { String(answer.serviceNotice[$0]) })
            XCTAssertContains(answer.serviceNotice, "reçu")
            let thread = try await app.registry.reportIntake.open(receipt: receipt)
            XCTAssertEqual(thread.answers["account"], .text("An officer asked for cash to return my papers. \(ReportIntakeTests.canary)"))
            XCTAssertEqual(thread.reportID.uuidString.lowercased(), answer.serviceRequestID)
            let hits = try await DatabaseScan(app.db).occurrences(of: ReportIntakeTests.canary)
            XCTAssertEqual(hits, [], "the account is sealed and the e-mail is never kept")

            let status = try await send(app, .GET, "\(base)/requests.json?lang=es&service_request_id=\(answer.serviceRequestID)")
            let requests = try JSONDecoder().decode([GeoReport.Request].self, from: status.body)
            XCTAssertEqual(requests.map(\.status), ["open"])
            XCTAssertEqual(requests.first?.statusNotes, "Recibida")
            XCTAssertEqual(requests.first?.serviceCode, bribery)

            let key = try await app.registry.recipientKeys.unlock(for: unit, password: Demo.password)
            try await app.registry.reportIntake.changeStatus(thread.reportID, from: .received, to: .closedWithoutAction, explanation: "Not enough to act on.",
                                                            as: unit, privateKey: key)
            let one = try await send(app, .GET, "\(base)/requests/\(answer.serviceRequestID).xml")
            XCTAssertTrue(isWellFormedXML(one.body.string))
            XCTAssertContains(one.body.string, "<status>closed</status>")
            XCTAssertFalse(one.body.string.contains("Not enough"), "the explanation stays sealed for the complainant")

            let none = try await send(app, .GET, "\(base)/requests.json")
            XCTAssertEqual(none.body.string, "[]", "complaints are never listed one by one")
            let whistleblowing = try await app.registry.reportIntake.send(to: SeedQuestionnaire.officialMisconduct.key, answers: [
                "kind": ["theft"], "account": ["Fees kept."], "handlers-involved": ["no"]], regions: [])
            let unseen = try await send(app, .GET, "\(base)/requests/\(whistleblowing.reportID.uuidString.lowercased()).json")
            XCTAssertEqual(unseen.status, .notFound, "a whistleblowing report does not exist for GeoReport")
        }
    }

    func testBadInputIsRefusedInGeoReportsShapeAndLanguageWithNothingKept() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let missing = try await send(app, .POST, "\(base)/requests.json?lang=fr", form: [("service_code", bribery), ("attribute[danger]", "no")])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            let errors = try JSONDecoder().decode([GeoReport.Error].self, from: missing.body)
            XCTAssertEqual(errors.first?.code, 422)
            XCTAssertContains(errors.first?.description ?? "", "service")
            let danger = try await send(app, .POST, "\(base)/requests.xml?lang=es", form: complaint().map { $0.0 == "attribute[danger]" ? ($0.0, "yes") : $0 })
            XCTAssertEqual(danger.status, .unprocessableEntity)
            XCTAssertContains(danger.body.string, "112")
            XCTAssertTrue(isWellFormedXML(danger.body.string))
            let json = try await send(app, .POST, "\(base)/requests.json", headers: ["Content-Type": "application/json"])
            XCTAssertEqual(json.status, .unsupportedMediaType)
            let unknown = try await send(app, .POST, "\(base)/requests.json", form: [("service_code", "no-such-subject")])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            let badID = try await send(app, .GET, "\(base)/requests.json?service_request_id=42")
            XCTAssertEqual(badID.status, .unprocessableEntity)
            let stored = try await Report.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testEightSendingsWithOneIdempotencyKeyMakeOneComplaintAndWithoutAKeyEachIsNew() async throws {
        try await withTestApp { app in
            _ = try await reportingRecipients(app)
            let form = complaint()
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for sending in 0..<8 {
                    group.addTask {
                        // Half in each format: both calls are one route's two addresses.
                        let format = sending.isMultiple(of: 2) ? "json" : "xml"
                        let response = try await Self.send(app, .POST, "\(Self.base)/requests.\(format)", form: form,
                                                           headers: ["Idempotency-Key": "client-7f3e2a9c-4b1d"])
                        XCTAssertEqual(response.status, .created)
                        let body = response.body.string
                        return body.range(of: #"[0-9a-f]{8}-[0-9a-f-]{27}"#, options: .regularExpression).map { String(body[$0]) } ?? ""
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            XCTAssertEqual(ids.count, 1, "every retry names the one complaint")
            let once = try await Report.query(on: app.db).count()
            XCTAssertEqual(once, 1)
            _ = try await send(app, .POST, "\(base)/requests.json", form: form)
            _ = try await send(app, .POST, "\(base)/requests.json", form: form)
            let three = try await Report.query(on: app.db).count()
            XCTAssertEqual(three, 3, "without a key, GeoReport cannot tell a retry from a second complaint")
        }
    }

    func testPastTheLimitAClientIsToldToWaitInItsFormat() async throws {
        try await withTestApp(adjust: { $0.reportSubmissionsPerSubject = 1 }) { app in
            _ = try await reportingRecipients(app)
            let first = try await send(app, .POST, "\(base)/requests.xml", form: complaint())
            XCTAssertEqual(first.status, .created)
            XCTAssertTrue(isWellFormedXML(first.body.string))
            let second = try await send(app, .POST, "\(base)/requests.xml?lang=fr", form: complaint())
            XCTAssertEqual(second.status, .tooManyRequests)
            XCTAssertContains(second.body.string, "<code>429</code>")
            XCTAssertContains(second.body.string, "dix minutes")
        }
    }
}
