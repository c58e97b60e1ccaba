import Foundation

/// A problem with one line (or item) of an imported data file.
public struct DataFileProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The line is not JSON.
        case invalidJSON
        /// Valid JSON, but not an object where one was expected.
        case notAnObject
        /// A field the import relies on is missing or empty.
        case missingField(String)
        /// A BODS statement of a type the import does not know.
        case unknownStatementType(String)
        /// The file holds nothing to import.
        case empty
    }

    /// 1-based line in the file; 0 for the file as a whole.
    public let line: Int
    /// 1-based position inside a package or array on that line, when the line holds several items.
    public let item: Int?
    public let kind: Kind

    public init(line: Int, item: Int? = nil, kind: Kind) {
        self.line = line
        self.item = item
        self.kind = kind
    }

    public var code: String {
        switch kind {
        case .invalidJSON: "invalid_json"
        case .notAnObject: "not_an_object"
        case .missingField: "missing_field"
        case .unknownStatementType: "unknown_statement_type"
        case .empty: "empty"
        }
    }

    /// The value the message names, if any.
    public var detail: String? {
        switch kind {
        case .missingField(let field): field
        case .unknownStatementType(let type): type
        default: nil
        }
    }

    /// English, for the command line and logs of tests.
    public var description: String {
        let place = line == 0 ? "file" : "line \(line)" + (item.map { ", item \($0)" } ?? "")
        let text = switch kind {
        case .invalidJSON: "not valid JSON"
        case .notAnObject: "not a JSON object"
        case .missingField(let field): "missing \(field)"
        case .unknownStatementType(let type): "unknown statement type \(type)"
        case .empty: "nothing to import"
        }
        return "\(place): \(text)"
    }
}

/// Reads JSON Lines, or one JSON document spread over many lines (a pretty-printed package or array), into JSON
/// values with the line each came from.
enum DataFileReader {
    struct Value {
        let line: Int
        let json: Any
    }

    static func values(_ text: String) -> (values: [Value], problems: [DataFileProblem]) {
        var values: [Value] = []
        var problems: [DataFileProblem] = []
        var lineNumber = 0
        var firstBadLine: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            if let json = parse(Substring(trimmed)) {
                values.append(Value(line: lineNumber, json: json))
            } else {
                firstBadLine = firstBadLine ?? lineNumber
                problems.append(DataFileProblem(line: lineNumber, kind: .invalidJSON))
            }
        }
        // A document over many lines fails line by line from its first line; read it whole instead.
        if firstBadLine != nil, values.isEmpty || firstBadLine! < values[0].line, let whole = parse(Substring(text)) {
            return ([Value(line: 1, json: whole)], [])
        }
        if values.isEmpty && problems.isEmpty { problems.append(DataFileProblem(line: 0, kind: .empty)) }
        return (values, problems)
    }

    private static func parse(_ text: Substring) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
