/// The OCDS merge routine for compiled releases: releases in date order, each merged into the result. A null removes
/// a field; objects merge field by field; arrays of objects merge by `id` unless the rules replace them whole;
/// anything else is replaced. Like the reference implementation, an object without an `id` is always appended, and
/// objects with the same `id` in one release merge into one, the later's fields winning.
public enum ReleaseMerge {
    /// `releases` share one ocid and each has a `date`. The result carries the reference implementation's
    /// metadata: `tag` ["compiled"], `id` "{ocid}-{latest date}", `date` the latest date.
    public static func compile(_ releases: [JSONValue], rules: MergeRules = .ocds114) -> JSONValue {
        let ordered = releases.enumerated().sorted { ($0.element["date"]?.string ?? "", $0.offset) < ($1.element["date"]?.string ?? "", $1.offset) }
        var members: [(String, JSONValue)] = []
        for (_, release) in ordered {
            guard case .object(let fields) = release else { continue }
            mergeObject(&members, fields, path: [], rules)
        }
        let date = ordered.last?.element["date"] ?? .null
        let ocid = ordered.last?.element["ocid"]?.string ?? ""
        let metadata: [(String, JSONValue)] = [("tag", .array([.string("compiled")])),
                                               ("id", .string("\(ocid)-\(date.string ?? "")")), ("date", date)]
        return .object(metadata + members)
    }

    private static func mergeObject(_ output: inout [(String, JSONValue)], _ input: [(String, JSONValue)], path: [String], _ rules: MergeRules) {
        for (key, value) in input {
            let childPath = path + [key]
            if rules.omitted.contains(childPath) { continue }
            let index = output.firstIndex { $0.0 == key }
            if value == .null {
                if let index { output.remove(at: index) }
                continue
            }
            if let index {
                merge(&output[index].1, value, path: childPath, rules)
            } else {
                var fresh = JSONValue.null
                merge(&fresh, value, path: childPath, rules)
                output.append((key, fresh))
            }
        }
    }

    private static func merge(_ output: inout JSONValue, _ input: JSONValue, path: [String], _ rules: MergeRules) {
        switch input {
        case .object(let fields):
            var members: [(String, JSONValue)] = []
            if case .object(let existing) = output { members = existing }
            mergeObject(&members, fields, path: path, rules)
            output = .object(members)
        case .array(let items) where !items.isEmpty && items.allSatisfy(\.isObject) && !rules.wholeList.contains(path):
            var merged: [JSONValue] = []
            if case .array(let existing) = output { merged = existing }
            for item in items { mergeIdentified(&merged, item, path: path, rules) }
            output = .array(merged)
        case .array(let items) where items.isEmpty:
            // An empty array changes nothing, but is kept where the field was absent.
            if case .array = output { return }
            output = input
        default:
            output = input
        }
    }

    private static func mergeIdentified(_ array: inout [JSONValue], _ item: JSONValue, path: [String], _ rules: MergeRules) {
        if let key = identifier(item), let index = array.firstIndex(where: { identifier($0) == key }) {
            merge(&array[index], item, path: path, rules)
            return
        }
        var fresh = JSONValue.null
        merge(&fresh, item, path: path, rules)
        array.append(fresh)
    }

    /// The reference implementation compares `id` values as text, so 1 and "1" match.
    private static func identifier(_ item: JSONValue) -> String? {
        switch item["id"] {
        case .string(let text)?: text
        case .number(let number)?: JSONWriter.number(number)
        default: nil
        }
    }
}
