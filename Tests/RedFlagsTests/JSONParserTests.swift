import Foundation
import Testing
@testable import RedFlags

struct JSONParserTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    /// Converts Foundation's reading into ours, to compare the two on real files.
    static func foundation(_ any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let number as NSNumber: return .number(number.doubleValue)
        case let text as String: return .string(text)
        case let array as [Any]: return .array(array.map(foundation))
        case let object as [String: Any]: return .object(object.map { ($0.key, foundation($0.value)) }.sorted { $0.0 < $1.0 })
        default: return .null
        }
    }

    /// Foundation reads booleans as numbers on Linux, so both sides compare them as 1 and 0.
    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .bool(let flag): return .number(flag ? 1 : 0)
        case .array(let items): return .array(items.map(sorted))
        case .object(let members): return .object(members.map { ($0.0, sorted($0.1)) }.sorted { $0.0 < $1.0 })
        default: return value
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try Self.parse(#" {"a": [1, -2.5e3, 0.1, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value["a"] == .array([.number(1), .number(-2500), .number(0.1), .bool(true), .bool(false), .null]))
        #expect(value["b", "c"]?.string == "d")
        #expect(value["e"]?.string == "")
        #expect(value["missing"] == nil)
    }

    @Test func decodesEscapesAndUnicode() throws {
        #expect(try Self.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
        #expect(try Self.parse(#""\ud800x""#) == .string("\u{FFFD}x"), "a lone surrogate is replaced, not fatal")
        #expect(try Self.parse("\"café ñ\"") == .string("café ñ"))
    }

    @Test func numbersRoundLikeStrtod() throws {
        #expect(try Self.parse("12345678901234567890") == .number(12345678901234567890))
        #expect(try Self.parse("0.30000000000000004") == .number(0.30000000000000004))
        #expect(try Self.parse("-0") == .number(-0.0))
        #expect(try Self.parse("1E2") == .number(100))
    }

    @Test func refusesWhatIsNotJSON() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"a", "\"\u{01}\"", "{} x", "{'a': 1}", "[1 2]", "\"\\x\""] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try Self.parse(bad) }
        }
        #expect(throws: JSONSyntaxError(offset: 6, reason: .expectedCommaOrBracket)) { try Self.parse("[1, 2 3]") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try Self.parse(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) }
    }

    /// Strings are scanned eight bytes at a time: every kind of byte that needs a look, at every offset in a word.
    @Test func findsQuotesEscapesAndBadBytesAtAnyOffset() throws {
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            #expect(try Self.parse("[\"\(plain)\",1]") == .array([.string(plain), .number(1)]))
            #expect(try Self.parse("\"\(plain)\\\"\(plain)\"") == .string(plain + "\"" + plain))
            #expect(try Self.parse("\"\(plain)é\\n\(plain)\"") == .string(plain + "é\n" + plain))
            #expect(throws: JSONSyntaxError(offset: length + 1, reason: .controlCharacter)) { try Self.parse("\"\(plain)\u{01}x\"") }
            #expect(throws: JSONSyntaxError(offset: length + 1, reason: .invalidUTF8)) { try JSONParser.parse([0x22] + Array(plain.utf8) + [0xFF, 0x22]) }
            #expect(throws: JSONSyntaxError(offset: length + 1, reason: .unterminatedString)) { try Self.parse("\"\(plain)") }
        }
    }

    @Test func agreesWithFoundationOnRealOCDSFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/ocds-samples")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        var compared = 0
        for file in files where file.pathExtension == "json" {
            let data = try Data(contentsOf: file)
            guard let reference = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            #expect(Self.sorted(try JSONParser.parse(data)) == Self.sorted(Self.foundation(reference)), "\(file.lastPathComponent)")
            compared += 1
        }
        // The shared data sits beside the project on development machines and in CI; elsewhere there is nothing to compare.
        if FileManager.default.fileExists(atPath: folder.path) { #expect(compared > 20) }
    }
}
