import Foundation

/// A UN M49 sub-region ("Western Africa", "South America"), the unit of "region and culture" in matching.
/// Countries belong to one, as CLDR records it; a few codes (EU, UN) belong to none.
public struct WorldRegion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The three-digit M49 code, or CLDR's "QO" for outlying Oceania.
    public let code: String

    public init?(_ raw: String) {
        let code = raw.trimmingWhitespace().uppercased()
        guard Self.codes.contains(code) else { return nil }
        self.code = code
    }

    private init(known code: String) {
        self.code = code
    }

    public var description: String { code }

    public static func < (a: WorldRegion, b: WorldRegion) -> Bool { a.code < b.code }

    /// The region a country lies in.
    public static func of(_ country: CountryCode) -> WorldRegion? {
        regionOfCountry[country.value].map(WorldRegion.init(known:))
    }

    /// The regions someone knows: those they name, and those of every country they live or have worked in.
    public static func known(named: Set<WorldRegion>, countries: [String]) -> Set<WorldRegion> {
        named.union(countries.compactMap { CountryCode($0).flatMap(of) })
    }

    /// Every region, by code; positions are stable for a given ICU version and serve as small integer ids.
    public static let all: [WorldRegion] = codes.sorted().map(WorldRegion.init(known:))

    public var index: Int { Self.all.firstIndex(of: self)! }

    public func name(in language: SupportedLanguage) -> String {
        Locale(identifier: language.rawValue).localizedString(forRegionCode: code) ?? code
    }

    public static func sortedNames(in language: SupportedLanguage) -> [(code: String, name: String)] {
        sortByName(all.map { ($0.code, $0.name(in: language)) })
    }

    private static let regionOfCountry: [String: String] = Dictionary(uniqueKeysWithValues: CountryCode.all.compactMap { code in
        Locale.Region(code).containingRegion.map { (code, $0.identifier) }
    })

    private static let codes: Set<String> = Set(regionOfCountry.values)
}
