import ExchangeCore

/// Words an administrator writes once per platform language: a label, help, a reason, a block's explanation.
public struct LocalizedText: Codable, Equatable, Sendable {
    public var en: String
    public var fr: String
    public var es: String

    public init(en: String, fr: String, es: String) {
        (self.en, self.fr, self.es) = (en, fr, es)
    }

    public subscript(language: SupportedLanguage) -> String {
        switch language {
        case .en: en
        case .fr: fr
        case .es: es
        }
    }

    /// The languages this text is still missing.
    public var missing: [SupportedLanguage] {
        SupportedLanguage.allCases.filter { self[$0].trimmingWhitespace().isEmpty }
    }
}
