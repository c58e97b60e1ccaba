/// What indicators are about, in the order cardinal writes them.
public enum Group: String, CaseIterable, Sendable {
    case ocid = "OCID"
    case buyer = "Buyer"
    case procuringEntity = "ProcuringEntity"
    case tenderer = "Tenderer"
}

/// A string-keyed map that remembers the order keys were first set in, as cardinal's output does.
public struct OrderedMap<Value: Sendable & Equatable>: Sendable, Equatable {
    public private(set) var keys: [String] = []
    public private(set) var values: [String: Value] = [:]

    public init() {}

    public subscript(key: String) -> Value? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil, values[key] != nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }

    /// Edits the value for `key` in place (no copy of a nested map), creating it from `initial` if needed.
    public mutating func update(_ key: String, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if values[key] == nil {
            keys.append(key)
            values[key] = initial()
        }
        body(&values[key]!)
    }

    /// Adds `later`'s entries: keys it alone holds go at the end, in its order; keys both hold are combined.
    public mutating func merge(_ later: OrderedMap, _ combine: (inout Value, Value) -> Void) {
        for key in later.keys {
            let value = later.values[key]!
            if values[key] == nil {
                keys.append(key)
                values[key] = value
            } else {
                combine(&values[key]!, value)
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public var entries: [(String, Value)] { keys.map { ($0, values[$0]!) } }
}

/// Indicator outputs by group, identifier and code, and the quartiles and fences behind them.
public struct Results: Sendable, Equatable {
    public var groups: [Group: OrderedMap<OrderedMap<Double>>] = [:]
    public var meta = OrderedMap<OrderedMap<Double>>()
    /// Present only when maps were asked for (`--map`).
    public var maps: Maps?

    public init(mapping: Bool = false) {
        maps = mapping ? Maps() : nil
    }

    public mutating func flag(_ group: Group, _ id: String, _ code: String, _ value: Double) {
        groups[group, default: OrderedMap()].update(id, default: OrderedMap()) { $0[code] = value }
    }

    /// Flags a tenderer for what it did in one process, which `--map` records.
    public mutating func flag(tenderer id: String, _ code: String, _ value: Double, in ocid: String) {
        flag(.tenderer, id, code, value)
        if maps != nil, let key = Maps.Tenderers(code: code) { maps!.add(key, ocid: ocid, id) }
    }

    /// Adds what a run over later lines found; a later value for the same identifier and code replaces this one, as
    /// it would have in one run. Quartiles are worked out only at the end, so partial runs hold no `Meta`.
    mutating func merge(_ later: Results) {
        for (group, entries) in later.groups {
            groups[group, default: OrderedMap()].merge(entries) { codes, laterCodes in codes.merge(laterCodes) { $0 = $1 } }
        }
        if let laterMaps = later.maps { maps?.merge(laterMaps) }
    }

    /// The output of one indicator for one identifier, if any.
    public func value(_ group: Group, _ id: String, _ code: String) -> Double? { groups[group]?[id]?[code] }

    /// Flags per group, as `--count` prints them.
    public var counts: [(Group, Int)] {
        Group.allCases.compactMap { group in groups[group].map { (group, $0.count) } }
    }

    /// Cardinal's JSON: groups in order, empty groups left out, identifiers and codes in the order first set,
    /// decimals always with a point.
    public func json(includeMeta: Bool) -> String {
        var parts: [String] = []
        for group in Group.allCases {
            guard let entries = groups[group], !entries.isEmpty else { continue }
            parts.append(Self.key(group.rawValue) + ":" + Self.object(entries))
        }
        if includeMeta && !meta.isEmpty { parts.append(Self.key("Meta") + ":" + Self.object(meta)) }
        if let maps { parts.append(Self.key("Maps") + ":" + maps.json) }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func object(_ map: OrderedMap<OrderedMap<Double>>) -> String {
        "{" + map.entries.map { key($0.0) + ":{" + $0.1.entries.map { key($0.0) + ":" + decimal($0.1) }.joined(separator: ",") + "}" }
            .joined(separator: ",") + "}"
    }

    static func key(_ text: String) -> String {
        var out = ""
        JSONWriter.quote(text, to: &out)
        return out
    }

    /// Like serde_json: the shortest round-tripping form, with ".0" on whole numbers.
    static func decimal(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") || text.contains("n") ? text : text + ".0"
    }
}
