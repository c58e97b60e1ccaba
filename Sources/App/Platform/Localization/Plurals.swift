import ExchangeCore

/// CLDR's plural categories for whole-number counts in the platform's languages: French treats 0 as singular
/// ("0 ligne fusionnée"), English and Spanish do not ("0 rows", "0 filas").
enum PluralCategory: Equatable {
    case one, other

    init(_ count: Int, in language: SupportedLanguage) {
        switch language {
        case .fr: self = count == 0 || count == 1 ? .one : .other
        case .en, .es: self = count == 1 ? .one : .other
        }
    }
}

extension Translating {
    /// The `one` or `other` message for `count`; its first argument is the count as the reader writes numbers.
    func plural(_ count: Int, one: String, other: String, _ arguments: String...) -> String {
        t(pluralKey(count, one: one, other: other), [number(count)] + arguments)
    }

    /// The key of the `one` or `other` message for `count`, for messages rendered later (a flash).
    func pluralKey(_ count: Int, one: String, other: String) -> String {
        PluralCategory(count, in: language) == .one ? one : other
    }

    /// "58, 59 and 60" as the reader's language joins a list.
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + self.t("language.and") + " " + items.last!
    }
}
