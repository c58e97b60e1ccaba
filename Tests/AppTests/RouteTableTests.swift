@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The route table is the one place a path is written: it registers every route with its rule, and every link in
/// Swift and in the templates is built from it.
final class RouteTableTests: AppTestCase {
    static let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/App").standardizedFileURL

    func testEveryRegisteredRouteIsARowOfTheTableAndEveryRowIsRegisteredOnce() async throws {
        try await withTestApp(seed: false) { app in
            let registered = app.routes.all.map { $0.endpointName ?? "unnamed \($0.description)" }
            XCTAssertEqual(registered.filter { $0.hasPrefix("unnamed") }, [], "routes registered by hand, outside the table")
            XCTAssertEqual(Set(registered).count, registered.count, "a row registered twice")
            XCTAssertEqual(Set(registered), Set(RouteTable.byName.keys), "rows without a handler")
            XCTAssertEqual(app.routes.all.filter { $0.access == nil }.map(\.description), [])
        }
    }

    func testTwoRowsNeverClaimOneMethodAndPath() {
        var seen: [String: String] = [:]
        for table in RouteTable.tables { table.collect(into: &seen) }
        XCTAssertEqual(seen.count, RouteTable.byName.count, "two rows answer the same method and path")
    }

    func testLinksFillParametersInOrderAndEncodeThem() throws {
        let id = try XCTUnwrap(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00CF4FC964FF"))
        XCTAssertEqual(NeedRoute.show.link(id), "/needs/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertEqual(APINeedRoute.show.link(id), "/api/v1/needs/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertEqual(EvaluationRoute.form.link(id, EvaluationStage.mid), "/matches/6f9619ff-8b86-d011-b42d-00cf4fc964ff/evaluations/mid")
        XCTAssertEqual(SkillsRoute.editForm.link("data/science ok"), "/skills/data%2Fscience%20ok/edit")
        XCTAssertEqual(AuditPageRoute.list.link(query: [URLQueryItem(name: "subjectType", value: "need")]), "/audit?subjectType=need")
        XCTAssertEqual(HomeRoute.home.link(), "/")
        XCTAssertEqual(APINeedRoute.show.documentedPath, "/needs/{id}")
    }

    /// Templates name routes with `#link`; a literal path in a template, or a name the table lacks, fails here
    /// rather than as a dead link in production.
    func testTemplatesHoldNoPathLiteralsAndNameOnlyRoutesThatExist() throws {
        let views = Self.app.appendingPathComponent("Resources/Views")
        let literal = try NSRegularExpression(pattern: #"(href|action|src|data-[a-z-]+)="/(?!css/|js/)"#)
        let named = try NSRegularExpression(pattern: #"#link\("([^"]+)""#)
        var linked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: views.path) where file.hasSuffix(".leaf") {
            let text = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            XCTAssertEqual(literal.numberOfMatches(in: text, range: range), 0, "\(file) writes a path by hand")
            for match in named.matches(in: text, range: range) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                XCTAssertNotNil(RouteTable.byName[name], "\(file) links to \(name), which no route is named")
                linked += 1
            }
        }
        XCTAssertGreaterThan(linked, 50)
    }

    /// Controllers build addresses from the table: a string literal that starts like a path is a second copy of it.
    func testControllersHoldNoPathLiterals() throws {
        let literal = try NSRegularExpression(pattern: #""/(?!css/|js/)[a-z]"#)
        let files = FileManager.default.enumerator(atPath: Self.app.path)?.compactMap { $0 as? String } ?? []
        let controllers = files.filter { $0.hasSuffix("Controller.swift") && !$0.hasSuffix("OpenAPIController.swift") }
        XCTAssertGreaterThan(controllers.count, 40)
        for file in controllers {
            let text = try String(contentsOf: Self.app.appendingPathComponent(file), encoding: .utf8)
            let found = literal.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertEqual(found, 0, "\(file) writes a path by hand")
        }
    }

    /// A link names a row, so a row nothing links to is either an entry point or dead weight: the API, the
    /// operations endpoints and pages reached from outside (mail, bookmarks) are the only such rows.
    func testEverySiteRouteIsLinkedFromAPageOrIsAnEntryPoint() throws {
        let files = FileManager.default.enumerator(atPath: Self.app.path)?.compactMap { $0 as? String } ?? []
        let text = try files.filter { ($0.hasSuffix(".swift") && !$0.hasSuffix("Routes.swift")) || $0.hasSuffix(".leaf") }
            .map { try String(contentsOf: Self.app.appendingPathComponent($0), encoding: .utf8) }.joined()
            .split(separator: "\n").filter { !$0.contains("routes.on(") }.joined(separator: "\n")
        let entryPoints: Set<String> = ["OperationsRoute.health", "OperationsRoute.metrics"]
        for name in RouteTable.byName.keys where !isAPI(name) && !entryPoints.contains(name) {
            let referenced = text.contains(name)
            XCTAssertTrue(referenced, "nothing links to \(name)")
        }
    }
}

private func isAPI(_ name: String) -> Bool { RouteTable.byName[name]?.first == "api" }

private extension Endpoint {
    static func collect(into seen: inout [String: String]) {
        for endpoint in allCases {
            let shape = endpoint.components.map { $0.hasPrefix(":") ? ":" : $0 }.joined(separator: "/")
            seen["\(endpoint.spec.method) \(shape)"] = endpoint.name
        }
    }
}
