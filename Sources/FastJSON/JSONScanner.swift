import Foundation

/// Where and why a line is not JSON.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in English as the command line prints it; the case name is a stable code for translations.
    public enum Reason: String, Sendable, CaseIterable {
        case unexpectedEnd = "unexpected end"
        case unexpectedCharacter = "unexpected character"
        case invalidLiteral = "invalid literal"
        case expectedMemberName = "expected a member name"
        case expectedColon = "expected ':'"
        case expectedCommaOrBrace = "expected ',' or '}'"
        case expectedCommaOrBracket = "expected ',' or ']'"
        case nestedTooDeeply = "nested too deeply"
        case controlCharacter = "control character in a string"
        case invalidEscape = "invalid escape"
        case invalidUnicodeEscape = "invalid \\u escape"
        case invalidUTF8 = "invalid UTF-8"
        case unterminatedString = "unterminated string"
        case invalidNumber = "invalid number"
        case trailingText = "unexpected text after the value"

        public var code: String { String(describing: self) }
    }

    /// 0-based byte offset in the text.
    public let offset: Int
    public let reason: Reason

    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(reason.rawValue) at byte \(offset + 1)" }

    /// How a line that is not JSON is reported, by the indicators and by uploads alike.
    public var lineReason: String { "not valid JSON (\(description))" }
}

/// A strict reader of JSON text (RFC 8259) over UTF-8 bytes, one value at a time: it either decodes the value it
/// stands on or checks its syntax and moves past it. `JSONParser` builds whole trees with it; the release decoder
/// reads only the fields indicators need, so both accept and refuse exactly the same text.
package struct JSONScanner {
    package let bytes: UnsafeBufferPointer<UInt8>
    package private(set) var index = 0
    private var depth = 0
    package static let maximumDepth = 512

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    package func error(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }

    package var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    package var atEnd: Bool { index == bytes.count }

    package var startsNumber: Bool {
        guard let byte = current else { return false }
        return byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    package mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    // MARK: Containers

    /// Calls `body` with each member's name, standing on its value, which `body` must read or skip. `body` sees
    /// duplicated names in order, so a decoder that assigns on each keeps the last, as serde_json (cardinal) does.
    package mutating func forEachMember(_ body: (inout JSONScanner, JSONKey) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        if current == UInt8(ascii: "}") { index += 1; return }
        while true {
            guard current == UInt8(ascii: "\"") else { throw error(.expectedMemberName) }
            let start = index + 1
            let escaped = try skipString()
            let end = index - 1
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error(.expectedColon) }
            index += 1
            skipWhitespace()
            if escaped {
                var copy = self
                copy.index = start - 1
                let name = Array(try copy.string().utf8)
                try name.withUnsafeBufferPointer { (name) throws(JSONSyntaxError) in try body(&self, JSONKey(bytes: name)) }
            } else {
                try body(&self, JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])))
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "}"): index += 1; return
            default: throw error(atEnd ? .unexpectedEnd : .expectedCommaOrBrace)
            }
        }
    }

    /// Calls `body` standing on each element, which `body` must read or skip.
    package mutating func forEachElement(_ body: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        if current == UInt8(ascii: "]") { index += 1; return }
        while true {
            try body(&self)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "]"): index += 1; return
            default: throw error(atEnd ? .unexpectedEnd : .expectedCommaOrBracket)
            }
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error(.nestedTooDeeply) }
        index += 1
        skipWhitespace()
    }

    // MARK: Values read when they have the expected type, skipped otherwise

    /// The members of an object; anything else is skipped, as a lookup in it would find nothing.
    package mutating func members(_ body: (inout JSONScanner, JSONKey) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        if current == UInt8(ascii: "{") { try forEachMember(body) } else { try skipValue() }
    }

    /// The elements of an array; anything else is skipped, as if it were empty.
    package mutating func elements(_ body: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        if current == UInt8(ascii: "[") { try forEachElement(body) } else { try skipValue() }
    }

    package mutating func stringValue() throws(JSONSyntaxError) -> String? {
        if current == UInt8(ascii: "\"") { return try string() }
        try skipValue()
        return nil
    }

    package mutating func numberValue() throws(JSONSyntaxError) -> Double? {
        if startsNumber { return try number() }
        try skipValue()
        return nil
    }

    /// Calls `body` with a string's decoded bytes, without making a `String`; skips anything else.
    package mutating func withStringBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T?) throws(JSONSyntaxError) -> T? {
        guard current == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        let start = index + 1
        if try skipString() {
            var copy = self
            copy.index = start - 1
            var text = try copy.string()
            return text.withUTF8(body)
        }
        return body(UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]))
    }

    // MARK: Lexical values

    /// Checks one value's syntax and moves past it without building anything.
    package mutating func skipValue() throws(JSONSyntaxError) {
        guard let byte = current else { throw error(.unexpectedEnd) }
        switch byte {
        case UInt8(ascii: "{"): try forEachMember { (scanner, _) throws(JSONSyntaxError) in try scanner.skipValue() }
        case UInt8(ascii: "["): try forEachElement { (scanner) throws(JSONSyntaxError) in try scanner.skipValue() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw error(.unexpectedCharacter)
        }
    }

    package mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error(.unexpectedEnd) }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw error(.invalidLiteral) }
        index += count
    }

    /// Checks a string (escapes, control characters, UTF-8) and moves past its closing quote; true if it has escapes.
    @discardableResult
    package mutating func skipString() throws(JSONSyntaxError) -> Bool {
        index += 1
        var escaped = false
        while true {
            skipPlainASCII()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return escaped }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard let escape = current else { throw error(.unexpectedEnd) }
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): break
                case UInt8(ascii: "u"): _ = try hex4()
                default: throw error(.invalidEscape)
                }
            } else if byte < 0x20 {
                throw error(.controlCharacter)
            } else if byte < 0x80 {
                index += 1
            } else {
                try skipUTF8Sequence()
            }
        }
        throw error(.unterminatedString)
    }

    /// Moves past printable ASCII other than `"` and `\`, eight bytes at a time (most of a release is such text), to
    /// the first byte that needs a look: a quote, a backslash, a control character or a non-ASCII byte.
    private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let isQuote = (quote &- ones) & ~quote
            let isBackslash = (backslash &- ones) & ~backslash
            let isControl = word &- (ones &* 0x20)
            // Borrows can mark bytes above a match, never below one, so the lowest mark is a real match.
            let marks = (isQuote | isBackslash | isControl | word) & highBits
            if marks != 0 {
                index += marks.trailingZeroBitCount / 8
                return
            }
            index += 8
        }
    }

    /// One multi-byte UTF-8 sequence, checked as strictly as `String(validating:)` does.
    private mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw error(.invalidUTF8)
        }
        guard index + length <= bytes.count else { throw error(.invalidUTF8) }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { throw error(.invalidUTF8) }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { throw error(.invalidUTF8) }
        index += length
    }

    package mutating func string() throws(JSONSyntaxError) -> String {
        let start = index + 1
        // The common case has no escapes: the bytes, once checked, are the string.
        guard try skipString() else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self) }
        index = start
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                // Checked by skipString, and escapes decode to well-formed UTF-8.
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): scalars.append(contentsOf: try unicodeEscape())
                default: scalars.append(escape)
                }
            default:
                scalars.append(byte)
                index += 1
            }
        }
        throw error(.unterminatedString)
    }

    /// `\uXXXX`, joining a surrogate pair; a lone surrogate becomes U+FFFD, as lenient publishers need.
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            let low = try hex4()
            code = (0xDC00...0xDFFF).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
        } else if (0xD800...0xDFFF).contains(code) {
            code = 0xFFFD
        }
        return Array(String(Character(Unicode.Scalar(code)!)).utf8)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(.unexpectedEnd) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error(.invalidUnicodeEscape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// RFC 8259 number syntax, converted by strtod for exact rounding.
    package mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        let integral = try scanNumber()
        let length = index - start
        // Small integers, the usual case in OCDS, need no conversion call.
        if integral, length < 16 {
            var value = 0
            for byte in bytes[start..<index] where byte != UInt8(ascii: "-") { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            return Double(bytes[start] == UInt8(ascii: "-") ? -value : value)
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[length] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// Moves past a number, checking its syntax; true if it has neither fraction nor exponent.
    @discardableResult
    private mutating func scanNumber() throws(JSONSyntaxError) -> Bool {
        var integral = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw error(.invalidNumber) }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw error(.invalidNumber) }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            integral = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw error(.invalidNumber) }
            skipDigits()
        }
        return integral
    }

    private mutating func skipDigits() {
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
    }
}

/// A member name as it appears in the text (escapes decoded), compared with names the decoder knows.
package struct JSONKey {
    package let bytes: UnsafeBufferPointer<UInt8>

    package static func ~= (name: StaticString, key: JSONKey) -> Bool {
        let count = name.utf8CodeUnitCount
        guard key.bytes.count == count else { return false }
        return count == 0 || memcmp(key.bytes.baseAddress!, name.utf8Start, count) == 0
    }
}
