@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The API description is built from the route table and the Swift types; these tests pin what that derivation gives.
final class OpenAPIDocumentTests: XCTestCase {
    let document = try! OpenAPIDocument.build(serverURL: "http://localhost")

    func operation(_ path: String, _ method: String) -> OpenAPIValue? { document["paths"]?[path]?[method] }
    func statuses(_ path: String, _ method: String) -> [String] { operation(path, method)?["responses"]?.objectKeys ?? [] }

    func testEveryAPITableDocumentsEachOfItsRoutes() {
        let apiTables = RouteTable.tables.filter { $0.area == .api }
        XCTAssertEqual(apiTables.count, OpenAPIDocument.tables.count, "an API table that is not an APIEndpoint has no description")
        let documented = document["paths"]?.objectKeys.flatMap { path in document["paths"]?[path]?.objectKeys.map { "\($0) \(path)" } ?? [] } ?? []
        XCTAssertEqual(documented.count, OpenAPIDocument.tables.reduce(0) { $0 + $1.rowCount })
        XCTAssertEqual(Set(documented).count, documented.count)
    }

    func testSchemasComeFromTheTypesThatDecodeAndEncode() throws {
        let need = try XCTUnwrap(document["components"]?["schemas"]?["Need"])
        XCTAssertEqual(need["properties"]?["dataAccess"]?["enum"], .array(DataAccess.allCases.map { .string($0.rawValue) }))
        XCTAssertEqual(need["properties"]?["id"], .uuid)
        XCTAssertTrue(need["required"].map { "\($0)" }?.contains("title") ?? false)
        let input = try XCTUnwrap(document["components"]?["schemas"]?["NeedInput"])
        XCTAssertEqual(input["required"], [], "every field of a draft may be left out")
        XCTAssertEqual(input["properties"]?["title"], ["type": ["string", "null"]], "decodeIfPresent takes null as absent")
    }

    func testDerivationReadsOptionalsListsMapsEnumsAndDates() throws {
        struct Sample: Decodable {
            enum Colour: String, Decodable, CaseIterable { case red, green }
            let name: String
            let note: String?
            let colours: [Colour]
            let scores: [String: Double]
            let at: Date
            let day: CalendarDate
        }
        let schema = try SchemaDerivation.describe(Sample.self).schema
        XCTAssertEqual(schema["required"], ["name", "colours", "scores", "at", "day"])
        XCTAssertEqual(schema["properties"]?["note"], ["type": ["string", "null"]])
        XCTAssertEqual(schema["properties"]?["colours"], ["type": "array", "items": ["type": "string", "enum": ["red", "green"]]])
        XCTAssertEqual(schema["properties"]?["scores"], ["type": "object", "additionalProperties": ["type": "number"]])
        XCTAssertEqual(schema["properties"]?["at"], ["type": "string", "format": "date-time"])
        XCTAssertEqual(schema["properties"]?["day"], ["type": "string", "format": "date"])
    }

    func testEveryIdSaysItsShapeAsAPattern() {
        var ids = 0
        func visit(_ value: OpenAPIValue) {
            switch value {
            case .object(let pairs):
                if pairs.contains(where: { $0.0 == "format" && $0.1 == "uuid" }) {
                    ids += 1
                    XCTAssertTrue(pairs.contains { $0.0 == "pattern" }, "OpenAPI 3.0 leaves the uuid format unchecked, so \"\" would pass")
                }
                pairs.forEach { visit($0.1) }
            case .array(let items): items.forEach(visit)
            default: break
            }
        }
        visit(document)
        XCTAssertGreaterThan(ids, 50)
        guard case .string(let pattern)? = OpenAPIValue.uuid["pattern"] else { return XCTFail("no pattern") }
        XCTAssertNotNil(UUID().uuidString.lowercased().range(of: pattern, options: .regularExpression))
        XCTAssertNil("".range(of: pattern, options: .regularExpression))
    }

    func testAnOptionalElementOfAListIsNullable() throws {
        struct Counts: Decodable { let cells: [[Int?]]; let totals: [Int?] }
        let schema = try SchemaDerivation.describe(Counts.self).schema
        XCTAssertEqual(schema["properties"]?["totals"]?["items"]?["type"], ["integer", "null"])
        XCTAssertEqual(schema["properties"]?["cells"]?["items"]?["items"]?["type"], ["integer", "null"])
    }

    func testATypeDerivationCannotReadFailsLoudly() {
        struct Opaque: Decodable {
            init(from decoder: Decoder) throws { _ = try decoder.unkeyedContainer() }
        }
        XCTAssertThrowsError(try SchemaDerivation.describe(Opaque.self))
    }

    func testComponentNamesComeFromTheTypes() {
        XCTAssertEqual(SchemaComponents.name(of: NeedDTO.self), "Need")
        XCTAssertEqual(SchemaComponents.name(of: APIMatchingController.RunDTO.self), "MatchingRun")
        XCTAssertEqual(SchemaComponents.name(of: APIRedFlagsController.RunDTO.self), "RedFlagsRun")
        XCTAssertEqual(SchemaComponents.name(of: APIWorkController.MessageInput.self), "WorkMessageInput")
        XCTAssertEqual(SchemaComponents.name(of: APISkillsController.SkillInput.self), "SkillInput")
    }

    func testErrorStatusesFollowTheRow() {
        XCTAssertEqual(statuses("/needs/{id}", "get"), ["200", "400", "401", "403", "404", "422"])
        XCTAssertEqual(statuses("/audit/public-key", "get"), ["200", "400"], "an open route is never 401 or 403")
        XCTAssertEqual(statuses("/needs", "post"), ["201", "400", "401", "403", "409", "413", "415", "422"])
        XCTAssertEqual(operation("/audit/public-key", "get")?["security"], [])
        let parameters = operation("/needs", "post")?["parameters"]
        XCTAssertEqual(parameters, [["$ref": "#/components/parameters/IdempotencyKey"]])
        XCTAssertEqual(operation("/matches/{id}/evaluations/{stage}", "post")?["parameters"]?.arrayItems[1]["schema"]?["enum"],
                       .array(EvaluationStage.allCases.map { .string($0.rawValue) }))
    }
}

private extension Endpoint {
    static var rowCount: Int { allCases.count }
}

private extension OpenAPIValue {
    var arrayItems: [OpenAPIValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }
}
