/// A JSON value as the red-flag engine reads it: small, immutable, and quick to walk. Objects keep their members in
/// order; lookups are linear, which is fastest for the small objects OCDS releases are made of.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        // The last of duplicated names wins, as in serde_json (cardinal).
        return members.last { $0.0 == key }?.1
    }

    /// Two and three keys without the variadic form's array: `prepare` and merging make these lookups for every release.
    public subscript(first: String, second: String) -> JSONValue? { self[first]?[second] }
    public subscript(first: String, second: String, third: String) -> JSONValue? { self[first]?[second]?[third] }

    /// Follows object keys, e.g. `value["tender", "procuringEntity", "id", "x"]`.
    public subscript(path: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
