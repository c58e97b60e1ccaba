import Foundation
import RedFlags
import XCTest

/// An upload becomes compiled releases, one per line: read line by line when it starts with one, read whole (and
/// merged) when it starts with anything else, with every problem kept by its line.
final class ReleaseUploadTests: XCTestCase {
    private func read(_ text: String, limit: Int = 1 << 20, chunkSize: Int = 16) throws -> (lines: [String], summary: ReleaseUpload.Summary) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try LineReader(try FileHandle(forReadingFrom: url), chunkSize: chunkSize)
        var out: [UInt8] = []
        let summary = try ReleaseUpload.read(&reader, wholeDocumentLimit: limit) { out += $0 }
        return (String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init), summary)
    }

    func testCompiledReleasesPassLineByLineAndBadLinesAreSkippedWithTheirNumbers() throws {
        let a = #"{"ocid":"A","parties":[{"id":"B1","name":"Ministry"}]}"#
        let b = #"{"ocid":"B"}"#
        let (lines, summary) = try read("\(a)\n\nnot json\r\n{\"id\":1}\n\(b)")
        XCTAssertEqual(lines, [a, b], "good lines as they stand, a last line without a newline too")
        XCTAssertEqual(summary.releases, 2)
        XCTAssertEqual(summary.forms, [.compiledReleases])
        XCTAssertEqual(summary.problems.map(\.line), [3, 4])
        XCTAssertEqual(summary.problems.map(\.code), ["invalidJSON", "notAReleaseOrPackage"])
        XCTAssertEqual(summary.names.byID, ["B1": "Ministry"])
    }

    func testAPackageIsReadWholeAndMerged() throws {
        let package = """
        {"releases":[
         {"ocid":"A","id":"1","date":"2024-01-01T00:00:00Z","tender":{"id":"T"}},
         {"ocid":"A","id":"2","date":"2024-02-01T00:00:00Z","awards":[{"id":"1"}]}
        ]}
        """
        let (lines, summary) = try read(package)
        XCTAssertEqual(summary.releases, 1)
        XCTAssertEqual(summary.mergedReleases, 2)
        XCTAssertEqual(summary.forms, [.releasePackage])
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains(#""awards""#) && lines[0].contains(#""tender""#))
    }

    func testAFileReadWholeKeepsItsLineNumbersAndItsLimit() throws {
        let (_, summary) = try read("{\"hello\":1}\n\n\nnot json\n")
        XCTAssertEqual(summary.releases, 0)
        XCTAssertEqual(summary.problems.map(\.line), [1, 4])
        XCTAssertThrowsError(try read("{\"releases\":[\n" + "\"" + String(repeating: "x", count: 200) + "\"" + "\n]}", limit: 100)) { error in
            XCTAssertEqual((error as? ReleaseUpload.DocumentTooLarge)?.limit, 100)
        }
    }

    func testALineThatIsNotUTF8IsReadAsLatin1() throws {
        var bytes = Array(#"{"ocid":"A","title":"Caf"#.utf8)
        bytes += [0xE9] + Array(#""}"#.utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try LineReader(try FileHandle(forReadingFrom: url))
        var out: [UInt8] = []
        let summary = try ReleaseUpload.read(&reader, wholeDocumentLimit: 1 << 20) { out += $0 }
        XCTAssertTrue(summary.readAsLatin1)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #"{"ocid":"A","title":"Café"}"# + "\n")
    }
}
