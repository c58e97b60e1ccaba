/// Writes a `JSONValue` as compact JSON, members in their original order. Whole numbers within ±2^53 are written
/// without a fraction; other numbers in the shortest form that reads back to the same double.
public enum JSONWriter {
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    package static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += Self.number(number)
        case .string(let text): quote(text, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { out += "," }
                quote(key, to: &out)
                out += ":"
                write(item, to: &out)
            }
            out += "}"
        }
    }

    public static func number(_ number: Double) -> String {
        if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 { return String(Int64(number)) }
        return "\(number)"
    }

    public static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// Editing in place, for `prepare`: members keep their position when replaced and are appended when new.
extension JSONValue {
    public subscript(member key: String) -> JSONValue? {
        get { self[key] }
        set {
            guard case .object(var members) = self else { return }
            self = .null // releases the payload so the array below is edited without a copy
            if let index = members.firstIndex(where: { $0.0 == key }) {
                if let newValue { members[index].1 = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
            self = .object(members)
        }
    }

    /// Applies `body` to the member if it exists.
    package mutating func update(_ key: String, _ body: (inout JSONValue) -> Void) {
        guard var member = self[key] else { return }
        self[member: key] = .null
        body(&member)
        self[member: key] = member
    }

    /// Applies `body` to each element, with its index, if this is an array.
    package mutating func updateElements(_ body: (inout JSONValue, Int) -> Void) {
        guard case .array(var items) = self else { return }
        self = .null
        for index in items.indices { body(&items[index], index) }
        self = .array(items)
    }

    package var object: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }
}
