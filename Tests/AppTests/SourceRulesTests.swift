import Foundation
import XCTest

/// House rules that only the source text can show.
final class SourceRulesTests: XCTestCase {
    static let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/App").standardizedFileURL

    /// A stored model's id is read with `requireID()`, which throws a clear error instead of crashing the server.
    func testNoModelIdIsForceUnwrapped() throws {
        let files = FileManager.default.enumerator(atPath: Self.app.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertGreaterThan(files.count, 200)
        for file in files {
            let lines = try String(contentsOf: Self.app.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.contains(".id!") {
                XCTFail("\(file):\(number + 1) force-unwraps an id: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }
}
