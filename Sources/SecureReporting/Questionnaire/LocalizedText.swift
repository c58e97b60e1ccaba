import ExchangeCore

extension LocalizedText {
    /// The languages this text is still missing (its subscript falls back to English; the builder does not).
    public var missing: [SupportedLanguage] {
        [(SupportedLanguage.en, en), (.fr, fr), (.es, es)].filter { $0.1.trimmingWhitespace().isEmpty }.map(\.0)
    }
}
