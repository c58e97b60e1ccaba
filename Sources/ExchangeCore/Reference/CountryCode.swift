import Foundation

/// An ISO 3166-1 alpha-2 country code.
public struct CountryCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ raw: String) {
        let code = raw.trimmingWhitespace().uppercased()
        guard Self.all.contains(code) else { return nil }
        self.value = code
    }

    public var description: String { value }

    /// Every assigned alpha-2 code, from the ICU data Foundation ships (numeric regions dropped).
    public static let all: Set<String> = Set(
        Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }
    )

    public func name(in language: SupportedLanguage) -> String {
        Locale(identifier: language.rawValue).localizedString(forRegionCode: value) ?? value
    }

    /// Every code with its name in `language`, in that language's alphabetical order, for pick lists.
    public static func sortedNames(in language: SupportedLanguage) -> [(code: String, name: String)] {
        sortByName(all.map { ($0, CountryCode($0)!.name(in: language)) })
    }
}

func sortByName(_ pairs: [(String, String)]) -> [(code: String, name: String)] {
    pairs.sorted { $0.1.localizedStandardCompare($1.1) == .orderedAscending }.map { (code: $0.0, name: $0.1) }
}

/// An ISO 639-1 language code.
public struct LanguageCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ raw: String) {
        let code = raw.trimmingWhitespace().lowercased()
        guard Self.all.contains(code) else { return nil }
        self.value = code
    }

    public var description: String { value }

    public static let all: Set<String> = Set(
        Locale.LanguageCode.isoLanguageCodes.map(\.identifier).filter { $0.count == 2 }
    )

    public func name(in language: SupportedLanguage) -> String {
        Locale(identifier: language.rawValue).localizedString(forLanguageCode: value) ?? value
    }

    /// Every code with its name in `language`, in that language's alphabetical order, for pick lists.
    public static func sortedNames(in language: SupportedLanguage) -> [(code: String, name: String)] {
        sortByName(all.map { ($0, LanguageCode($0)!.name(in: language)) })
    }
}
