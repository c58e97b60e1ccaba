import FastJSON

/// What is wrong with one statement of a BODS file, and where.
public struct BODSProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line on which the statement (or the bad text) starts.
    public let line: Int
    /// 1-based position in the array that holds it, when it is in one.
    public let item: Int?
    /// Where in the statement, as a JSON Pointer; empty for the statement as a whole.
    public let pointer: String
    /// The rule broken: a JSON Schema keyword (`required`, `enum`, `format`…), or `invalid_json`, `not_an_object`,
    /// `lei_check_digits`, `duplicate_statement`, `empty`.
    public let rule: String
    /// What the rule asks for (the missing member, the allowed values, the format), or the syntax error.
    public let expected: String

    public init(line: Int, item: Int?, pointer: String, rule: String, expected: String) {
        self.line = line
        self.item = item
        self.pointer = pointer
        self.rule = rule
        self.expected = expected
    }

    public var description: String {
        let place = "line \(line)" + (item.map { ", statement \($0)" } ?? "")
        return "\(place)\(pointer.isEmpty ? "" : " at \(pointer)"): \(rule) (\(expected))"
    }
}

/// The statements of a BODS 0.4 file that passed every check, and the problems of those that did not.
public struct BODSFile: Sendable {
    public struct Located: Sendable {
        public let line: Int
        public let statement: BODSStatement
    }

    public let statements: [Located]
    public let problems: [BODSProblem]
}

/// Reads BODS 0.4 statements from a JSON array (a package), JSON Lines, or several arrays one after another, and
/// checks each against the schema and the identifier rules.
public enum BODSReader {
    public static let statementSchema = "urn:statement#/$defs/Statement"

    /// Checks every statement against the schema, then the ones that pass against BODS's normative rules, in
    /// `context` (today, and the records held already).
    public static func read(_ bytes: [UInt8], schema: JSONSchemaSet, context: BODSNormativeRules.Context) -> BODSFile {
        let (values, syntaxProblems) = values(in: bytes)
        var passed: [(index: Int, statement: BODSStatement)] = []
        var problems = syntaxProblems
        var seen: Set<String> = []
        for (index, value) in values.enumerated() {
            let found = check(value.json, schema: schema, seen: &seen)
            if found.problems.isEmpty, let statement = found.statement { passed.append((index, statement)) }
            problems += found.problems.map {
                BODSProblem(line: value.line, item: value.item, pointer: $0.pointer, rule: $0.keyword, expected: $0.expected)
            }
        }
        var broken: Set<Int> = []
        let passing = Dictionary(uniqueKeysWithValues: passed.map { ($0.index, $0.statement) })
        for (index, violation) in BODSNormativeRules.problems(values.map(\.json), passing: passing, context: context) {
            broken.insert(index)
            let value = values[index]
            problems.append(BODSProblem(line: value.line, item: value.item, pointer: violation.pointer, rule: violation.keyword, expected: violation.expected))
        }
        let statements = passed.filter { !broken.contains($0.index) }.map { BODSFile.Located(line: values[$0.index].line, statement: $0.statement) }
        if values.isEmpty && problems.isEmpty {
            problems.append(BODSProblem(line: 0, item: nil, pointer: "", rule: "empty", expected: "statements"))
        }
        problems.sort { ($0.line, $0.item ?? 0) < ($1.line, $1.item ?? 0) }
        return BODSFile(statements: statements, problems: problems)
    }

    private static func check(_ json: JSONValue, schema: JSONSchemaSet, seen: inout Set<String>) -> (statement: BODSStatement?, problems: [SchemaViolation]) {
        guard json.isObject else { return (nil, [SchemaViolation(pointer: "", keyword: "not_an_object", expected: "object")]) }
        var problems = schema.violations(of: json, against: statementSchema)
        guard problems.isEmpty, let statement = BODSStatement(json) else { return (nil, problems) }
        problems += identifierProblems(statement)
        if !seen.insert(statement.statementID).inserted {
            problems.append(SchemaViolation(pointer: "/statementId", keyword: "duplicate_statement", expected: statement.statementID))
        }
        return (statement, problems)
    }

    /// Every LEI must carry ISO 17442 check digits that agree.
    static func identifierProblems(_ statement: BODSStatement) -> [SchemaViolation] {
        guard case .entity(let entity) = statement.details else { return [] }
        return entity.identifiers.enumerated().compactMap { index, identifier in
            guard identifier.isLEI, LegalEntityIdentifier(identifier.id ?? "") == nil else { return nil }
            return SchemaViolation(pointer: "/recordDetails/identifiers/\(index)/id", keyword: "lei_check_digits", expected: "ISO 17442")
        }
    }

    public struct Value: Sendable {
        public let line: Int
        public let item: Int?
        public let json: JSONValue
    }

    /// Top-level values, and the statements inside top-level arrays, each with the line it starts on. A syntax error
    /// inside a value that began on the same line skips to the next line (JSON Lines); one inside a value spread over
    /// lines ends the reading, since nothing after it can be placed.
    public static func values(in bytes: [UInt8]) -> ([Value], [BODSProblem]) {
        var values: [Value] = []
        var problems: [BODSProblem] = []
        var lines = LineCounter(bytes)
        bytes.withUnsafeBufferPointer { buffer in
            var base = 0
            while base < buffer.count {
                var scanner = JSONScanner(UnsafeBufferPointer(rebasing: buffer[base...]))
                var start = 0
                do throws(JSONSyntaxError) {
                    while true {
                        scanner.skipWhitespace()
                        if scanner.atEnd { base = buffer.count; break }
                        start = scanner.index
                        if scanner.current == UInt8(ascii: "[") {
                            var position = 0
                            try scanner.forEachElement { (scanner) throws(JSONSyntaxError) in
                                position += 1
                                let at = scanner.index
                                let json = try JSONParser.value(&scanner)
                                values.append(Value(line: lines.line(at: base + at), item: position, json: json))
                            }
                        } else {
                            let json = try JSONParser.value(&scanner)
                            let line = lines.line(at: base + start)
                            if lines.line(at: base + scanner.index) == line {
                                values.append(Value(line: line, item: nil, json: json))
                            } else {
                                // Not JSON Lines: one document over several lines must be an array of statements.
                                problems.append(BODSProblem(line: line, item: nil, pointer: "", rule: "not_an_array", expected: "array"))
                            }
                        }
                    }
                } catch {
                    let errorLine = lines.line(at: base + error.offset)
                    problems.append(BODSProblem(line: errorLine, item: nil, pointer: "", rule: "invalid_json", expected: error.reason.rawValue))
                    guard lines.line(at: base + start) == errorLine,
                          let newline = buffer[(base + error.offset)...].firstIndex(of: UInt8(ascii: "\n")) else { break }
                    values.removeAll { $0.line == errorLine && $0.item != nil }
                    base = newline + 1
                }
            }
        }
        return (values, problems)
    }
}

/// Line numbers for byte offsets that only grow.
struct LineCounter {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func line(at target: Int) -> Int {
        if target < offset { offset = 0; line = 1 }
        while offset < min(target, bytes.count) {
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += 1
        }
        return line
    }
}
