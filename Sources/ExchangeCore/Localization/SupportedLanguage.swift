/// The languages the platform speaks.
public enum SupportedLanguage: String, CaseIterable, Codable, Sendable {
    case en, fr, es

    public static let fallback = SupportedLanguage.en

    /// The first supported language in an Accept-Language header, honouring q-values.
    public static func negotiate(acceptLanguage header: String?) -> SupportedLanguage? {
        guard let header else { return nil }
        var ranked: [(quality: Double, position: Int, tag: String)] = []
        for (position, part) in header.split(separator: ",").enumerated() {
            let pieces: [String] = part.split(separator: ";").map { String($0).trimmingWhitespace() }
            guard let tag = pieces.first, !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0 { ranked.append((quality, position, tag.lowercased())) }
        }
        let ordered = ranked.sorted { $0.quality != $1.quality ? $0.quality > $1.quality : $0.position < $1.position }
        for (_, _, tag) in ordered {
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let language = SupportedLanguage(rawValue: primary) { return language }
        }
        return nil
    }

    /// Preference order: the user's own choice, then the browser's, then English.
    public static func resolve(userPreference: SupportedLanguage?, acceptLanguage: String?) -> SupportedLanguage {
        userPreference ?? negotiate(acceptLanguage: acceptLanguage) ?? fallback
    }
}
