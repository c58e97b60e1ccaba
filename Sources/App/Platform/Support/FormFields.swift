import Vapor

/// A urlencoded form body with every value of each name, as check boxes send them (`tools=sql&tools=r`); a
/// `name[]` is read as `name`.
enum FormFields {
    static func all(_ req: Request) -> [String: [String]] {
        guard let body = req.body.string else { return [:] }
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            var name = decode(parts[0])
            if name.hasSuffix("[]") { name.removeLast(2) }
            fields[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return fields
    }
}
