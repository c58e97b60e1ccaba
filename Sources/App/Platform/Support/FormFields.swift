import Vapor

/// A urlencoded form body read as it was sent, for forms whose names Vapor's decoder would take apart
/// (`steps[0].label.en`) or that repeat a name.
enum FormFields {
    /// The name–value pairs in order, repeated names kept.
    static func pairs(_ req: Request) -> [(String, String)] {
        (req.body.string ?? "").split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? parts[1] : "")
        }
    }

    /// Every value of each name, as check boxes send them (`tools=sql&tools=r`); a `name[]` is read as `name`.
    static func all(_ req: Request) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for (name, value) in pairs(req) { fields[name.hasSuffix("[]") ? String(name.dropLast(2)) : name, default: []].append(value) }
        return fields
    }

    /// The first value of each name.
    static func first(_ req: Request) -> [String: String] {
        all(req).compactMapValues(\.first)
    }
}
