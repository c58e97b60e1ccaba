import Foundation

/// What indicators are about, in the order cardinal writes them.
public enum Group: String, CaseIterable, Sendable {
    case ocid = "OCID"
    case buyer = "Buyer"
    case procuringEntity = "ProcuringEntity"
    case tenderer = "Tenderer"
}

/// Indicator outputs by group, identifier and code, and the quartiles and fences behind them.
public struct Results: Sendable, Equatable {
    public var groups: [Group: [String: [String: Double]]] = [:]
    public var meta: [String: [String: Double]] = [:]

    public init() {}

    public mutating func flag(_ group: Group, _ id: String, _ code: String, _ value: Double) {
        groups[group, default: [:]][id, default: [:]][code] = value
    }

    /// Flags per group, as `--count` prints them.
    public var counts: [(Group, Int)] {
        Group.allCases.compactMap { group in groups[group].map { (group, $0.count) } }
    }

    /// Cardinal's JSON: groups in order, empty groups left out, keys sorted, decimals always with a point.
    public func json(includeMeta: Bool) -> String {
        var parts: [String] = []
        for group in Group.allCases {
            guard let entries = groups[group], !entries.isEmpty else { continue }
            parts.append(Self.key(group.rawValue) + ":" + Self.object(entries.mapValues { Self.object($0.mapValues(Self.decimal)) }))
        }
        if includeMeta && !meta.isEmpty {
            parts.append(Self.key("Meta") + ":" + Self.object(meta.mapValues { Self.object($0.mapValues(Self.decimal)) }))
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func object(_ members: [String: String]) -> String {
        "{" + members.sorted { $0.key < $1.key }.map { key($0.key) + ":" + $0.value }.joined(separator: ",") + "}"
    }

    static func key(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Like serde_json: the shortest round-tripping form, with ".0" on whole numbers.
    static func decimal(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") || text.contains("n") ? text : text + ".0"
    }
}
