/// How often each JSON path is non-empty across lines, as cardinal's `coverage` counts it. Empty nodes are "", [],
/// {}, null and nodes holding only empty nodes. The "" path is a line; a path ending with "/" is an object, one
/// ending with "[]" an array element; others are object members. Paths are listed in the order first counted,
/// children before their parents.
public struct Coverage: Sendable {
    public private(set) var counts = OrderedMap<Int>()

    public init() {}

    public mutating func add(_ line: JSONValue) {
        _ = visit(line, "")
    }

    private mutating func visit(_ value: JSONValue, _ path: String) -> Bool {
        let present: Bool
        switch value {
        case .null: present = false
        case .string(let text): present = !text.isEmpty
        case .bool, .number: present = true
        case .array(let items):
            var any = false
            for item in items where visit(item, path + "[]") { any = true }
            present = any
        case .object(let members):
            // A duplicated name counts once, by its last value.
            var last: [String: Int] = [:]
            for (index, member) in members.enumerated() { last[member.0] = index }
            var any = false
            for (index, member) in members.enumerated() where last[member.0] == index && visit(member.1, path + "/" + member.0) { any = true }
            if any { increment(path + "/") }
            present = any
        }
        if present { increment(path) }
        return present
    }

    private mutating func increment(_ path: String) {
        counts[path] = (counts[path] ?? 0) + 1
    }

    /// Cardinal's layout: `{"/a": 1, "": 1}`.
    public var json: String {
        "{" + counts.entries.map { Results.key($0.0) + ": " + String($0.1) }.joined(separator: ", ") + "}"
    }
}
