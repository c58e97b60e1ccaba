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
}
