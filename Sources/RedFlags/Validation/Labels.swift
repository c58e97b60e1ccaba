/// Known outcomes for validating flags: `ocid,label` rows, 1 for the treatment group (known corrupt) and 0 for the
/// control group. A header row is optional.
public struct Labels: Sendable, Equatable {
    public private(set) var byOcid: [String: Bool] = [:]

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Every problem in a file, so it can be fixed in one go.
    public struct Problems: Error, Sendable, Equatable, CustomStringConvertible {
        public let all: [Problem]
        public var description: String { all.map(\.description).joined(separator: "\n") }
    }

    public static func parse(_ text: String) throws(Problems) -> Labels {
        var labels = Labels()
        var problems: [Problem] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw[...]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            if index == 0, fields.first?.lowercased() == "ocid" { continue }
            guard fields.count == 2, !fields[0].isEmpty else {
                problems.append(Problem(line: index + 1, reason: "expected ocid,label"))
                continue
            }
            guard fields[1] == "0" || fields[1] == "1" else {
                problems.append(Problem(line: index + 1, reason: "the label must be 0 or 1, not \"\(fields[1])\""))
                continue
            }
            let label = fields[1] == "1"
            if let earlier = labels.byOcid[fields[0]], earlier != label {
                problems.append(Problem(line: index + 1, reason: "\(fields[0]) is labelled both 0 and 1"))
                continue
            }
            labels.byOcid[fields[0]] = label
        }
        if labels.byOcid.isEmpty && problems.isEmpty { problems.append(Problem(line: 1, reason: "no labels")) }
        guard problems.isEmpty else { throw Problems(all: problems) }
        return labels
    }
}

private extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
