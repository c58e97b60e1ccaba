import Foundation
import XCTest

/// House rules that only the source text can show.
final class SourceRulesTests: XCTestCase {
    static let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/App").standardizedFileURL

    /// Every Swift file of App, by its path below `Sources/App`, with its lines.
    func sources() throws -> [(file: String, lines: [Substring])] {
        let files = FileManager.default.enumerator(atPath: Self.app.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertGreaterThan(files.count, 200)
        return try files.sorted().map {
            ($0, try String(contentsOf: Self.app.appendingPathComponent($0), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    /// A stored model's id is read with `requireID()`, which throws a clear error instead of crashing the server.
    func testNoModelIdIsForceUnwrapped() throws {
        for (file, lines) in try sources() {
            for (number, line) in lines.enumerated() where line.contains(".id!") {
                XCTFail("\(file):\(number + 1) force-unwraps an id: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// Pages are models in a feature's `Views/` folder, built from plain values and rendered with `req.page(model)`:
    /// a controller neither declares a page nor renders a template by name.
    func testControllersHoldNoPagesAndRenderOnlyPageModels() throws {
        let pageDeclaration = try NSRegularExpression(pattern: #"struct \w+(Page|Content)\b"#)
        for (file, lines) in try sources() where file.hasSuffix("Controller.swift") {
            for (number, line) in lines.enumerated() {
                let text = String(line)
                if pageDeclaration.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    XCTFail("\(file):\(number + 1) declares a page in a controller: \(text.trimmingCharacters(in: .whitespaces))")
                }
                if text.contains(".page(\"") {
                    XCTFail("\(file):\(number + 1) renders a template by name instead of a page model")
                }
            }
        }
    }
}
