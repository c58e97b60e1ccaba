import Foundation

/// What a free-text country from a roster turned out to be.
public enum CountryMatch: Equatable, Sendable {
    /// An ISO code, a country's name in any language ICU knows, or a common alias.
    case exact(CountryCode)
    /// A close misspelling of exactly one country's name; reported so a person can confirm it.
    case corrected(CountryCode, from: String)
    /// Could be any of these (e.g. "Congo", "Korea"); a person must choose.
    case ambiguous([CountryCode])
    /// Not recognisably a country (a city, a region, a typo too far): flagged, never guessed.
    case notACountry
}

/// Normalises the many ways rosters spell countries to ISO 3166-1 alpha-2.
public struct CountryNormalizer: Sendable {
    public static let shared = CountryNormalizer()

    /// Codes, aliases and names in the platform's languages → the codes they name. These win outright.
    private let primary: [String: Set<String>]
    /// Names in every language ICU knows → the codes they name.
    private let names: [String: Set<String>]
    /// Names long enough to correct misspellings against, with their codes.
    private let fuzzyCandidates: [(key: [Character], code: String)]

    /// Common names rosters use that are not ICU's own.
    static let aliases: [String: String] = [
        "usa": "US", "u s": "US", "u s a": "US", "united states of america": "US", "america": "US",
        "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
        "northern ireland": "GB", "uae": "AE", "drc": "CD", "dr congo": "CD", "democratic republic of the congo": "CD",
        "democratic republic of congo": "CD", "republic of the congo": "CG", "congo brazzaville": "CG", "ivory coast": "CI",
        "south korea": "KR", "republic of korea": "KR", "korea republic of": "KR", "north korea": "KP", "dprk": "KP",
        "czech republic": "CZ", "holland": "NL", "burma": "MM", "swaziland": "SZ", "macedonia": "MK", "turkey": "TR",
        "cape verde": "CV", "east timor": "TL", "vatican": "VA", "vatican city": "VA", "russian federation": "RU",
        "viet nam": "VN", "lao pdr": "LA", "syrian arab republic": "SY", "iran islamic republic of": "IR",
        "tanzania united republic of": "TZ", "bolivia plurinational state of": "BO", "moldova republic of": "MD",
        "palestine state of": "PS", "brunei darussalam": "BN", "the gambia": "GM", "the bahamas": "BS",
    ]

    /// Names that rosters use for more than one country; a person must choose.
    static let ambiguousNames: [String: Set<String>] = [
        "congo": ["CD", "CG"], "korea": ["KP", "KR"], "guinea": ["GN", "GQ", "GW"],
    ]

    public init() {
        var primary: [String: Set<String>] = [:]
        var names: [String: Set<String>] = [:]
        let languages = Locale.availableIdentifiers.filter { !$0.contains("_") }
        let platform = Set(SupportedLanguage.allCases.map(\.rawValue))
        for code in CountryCode.all {
            primary[Self.key(code), default: []].insert(code)
            for language in languages {
                guard let name = Locale(identifier: language).localizedString(forRegionCode: code) else { continue }
                names[Self.key(name), default: []].insert(code)
                if platform.contains(language) { primary[Self.key(name), default: []].insert(code) }
            }
        }
        for (alias, code) in Self.aliases { primary[Self.key(alias), default: []].insert(code) }
        for (key, codes) in primary { names[key, default: []].formUnion(codes) }
        self.primary = primary
        self.names = names
        fuzzyCandidates = names.compactMap { key, codes in
            codes.count == 1 && key.count >= 6 && key.allSatisfy { $0.isASCII } ? (Array(key), codes.first!) : nil
        }.sorted { String($0.key) < String($1.key) }
    }

    public func match(_ raw: String) -> CountryMatch {
        let key = Self.key(raw)
        guard !key.isEmpty else { return .notACountry }
        if let codes = Self.ambiguousNames[key] { return Self.result(codes) }
        if let codes = primary[key] { return Self.result(codes) }
        // "Congo" or "Korea": the first words of several countries' names, or another language's short name for one.
        let prefixed = Set(names.filter { $0.key.hasPrefix(key + " ") }.flatMap(\.value))
        if let codes = names[key] { return Self.result(codes.union(prefixed)) }
        if prefixed.count > 1 { return .ambiguous(prefixed.sorted().compactMap(CountryCode.init)) }
        return corrected(key, raw: raw)
    }

    private static func result(_ codes: Set<String>) -> CountryMatch {
        codes.count == 1 ? .exact(CountryCode(codes.first!)!) : .ambiguous(codes.sorted().compactMap(CountryCode.init))
    }

    /// One edit for names of 6–8 letters, two from 9: short inputs are too close to too much (Lagos is not Laos).
    private func corrected(_ key: String, raw: String) -> CountryMatch {
        let input = Array(key)
        let allowed = input.count >= 9 ? 2 : input.count >= 6 ? 1 : 0
        guard allowed > 0 else { return .notACountry }
        var best = allowed + 1
        var codes: Set<String> = []
        for candidate in fuzzyCandidates where abs(candidate.key.count - input.count) <= allowed {
            let distance = Self.editDistance(input, candidate.key, limit: allowed)
            if distance < best {
                best = distance
                codes = [candidate.code]
            } else if distance == best {
                codes.insert(candidate.code)
            }
        }
        guard best <= allowed, !codes.isEmpty else { return .notACountry }
        let found = codes.sorted().compactMap(CountryCode.init)
        return found.count == 1 ? .corrected(found[0], from: raw) : .ambiguous(found)
    }

    /// Lower case, accents and punctuation removed, "&" as "and", single spaces.
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
        var out = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else if character == "’" || character == "'" {
                continue
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Optimal string alignment distance (adjacent transpositions count as one edit), or limit + 1 once past it.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
