/// Known outcomes for validating flags: `ocid,label` rows, 1 for the treatment group (known corrupt) and 0 for the
/// control group. A header row is optional.
public struct Labels: Sendable, Equatable {
    public private(set) var byOcid: [String: Bool] = [:]

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, with what it names, so a page can say it in its reader's language.
        public enum Kind: Sendable, Equatable {
            case notAPair
            case notALabel(String)
            case labelledBoth(ocid: String)
            case empty

            /// A stable name and its arguments, for a catalog key.
            public var code: String {
                switch self {
                case .notAPair: "not_a_pair"
                case .notALabel: "not_a_label"
                case .labelledBoth: "labelled_both"
                case .empty: "empty"
                }
            }

            public var arguments: [String] {
                switch self {
                case .notAPair, .empty: []
                case .notALabel(let value): [value]
                case .labelledBoth(let ocid): [ocid]
                }
            }
        }

        public let line: Int
        public let kind: Kind

        public var reason: String {
            switch kind {
            case .notAPair: "expected ocid,label"
            case .notALabel(let value): "the label must be 0 or 1, not \"\(value)\""
            case .labelledBoth(let ocid): "\(ocid) is labelled both 0 and 1"
            case .empty: "no labels"
            }
        }

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
                problems.append(Problem(line: index + 1, kind: .notAPair))
                continue
            }
            guard fields[1] == "0" || fields[1] == "1" else {
                problems.append(Problem(line: index + 1, kind: .notALabel(fields[1])))
                continue
            }
            let label = fields[1] == "1"
            if let earlier = labels.byOcid[fields[0]], earlier != label {
                problems.append(Problem(line: index + 1, kind: .labelledBoth(ocid: fields[0])))
                continue
            }
            labels.byOcid[fields[0]] = label
        }
        if labels.byOcid.isEmpty && problems.isEmpty { problems.append(Problem(line: 1, kind: .empty)) }
        guard problems.isEmpty else { throw Problems(all: problems) }
        return labels
    }
}

private extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
