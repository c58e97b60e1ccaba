/// Builds whole `JSONValue` trees, for the steps that read or rewrite every member (prepare, coverage, merging).
/// Indicators decode their fields straight from the bytes instead (`CompiledRelease`).
public enum JSONParser {
    /// Parses one complete value; anything after it but whitespace is an error.
    public static func parse(_ text: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let copy = Array(text)
        return try copy.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            try parse(buffer)
        }
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(buffer)
        scanner.skipWhitespace()
        let value = try value(&scanner)
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.error(.trailingText) }
        return value
    }

    /// Reads the value the scanner stands on and moves past it.
    package static func value(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> JSONValue {
        guard let byte = scanner.current else { throw scanner.error(.unexpectedEnd) }
        switch byte {
        case UInt8(ascii: "{"):
            var members: [(String, JSONValue)] = []
            try scanner.forEachMember { (scanner, key) throws(JSONSyntaxError) in
                members.append((String(decoding: key.bytes, as: UTF8.self), try value(&scanner)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try scanner.forEachElement { (scanner) throws(JSONSyntaxError) in items.append(try value(&scanner)) }
            return .array(items)
        case UInt8(ascii: "\""): return .string(try scanner.string())
        case UInt8(ascii: "t"): try scanner.literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try scanner.literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try scanner.literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try scanner.number())
        default: throw scanner.error(.unexpectedCharacter)
        }
    }
}
