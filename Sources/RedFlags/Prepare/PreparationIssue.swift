/// A quality issue `prepare` found and could not fix by itself: a row of the issues CSV, whose columns are
/// line, ocid, path, array indexes, incorrect value and description.
public struct PreparationIssue: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case notSet = "not set"
        case invalid
        case isZero = "is zero"
    }

    public let line: Int
    public let ocid: String
    public let path: String
    public let indexes: String
    public let value: String
    public let kind: Kind

    public static let header = "line,ocid,path,array indexes,incorrect value,error description"

    public var csvRow: String {
        [String(line), ocid, path, indexes, value, kind.rawValue].map(Self.field).joined(separator: ",")
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
