import Foundation

/// Web links offered as evidence: one per line or comma-separated, http(s) only, at most ten.
public enum EvidenceLinks {
    public static let maximum = 10

    /// The links, or nil when one is not a web address or there are too many.
    public static func parse(_ text: String?) -> [String]? {
        let links = (text ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "\r" })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return links.count > maximum || links.contains(where: { !isWebLink($0) }) ? nil : links
    }

    static func isWebLink(_ text: String) -> Bool {
        guard text.count <= 500, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
