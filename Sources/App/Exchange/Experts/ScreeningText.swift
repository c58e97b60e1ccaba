import ExchangeCore

/// An automatic screening stored as comma-separated criterion:outcome:reason triples (codes only, never free text).
enum ScreeningText {
    typealias Row = (criterion: String, outcome: String, reason: String)

    static func format<C: RawRepresentable>(_ screening: Screening<C>) -> String where C.RawValue == String {
        screening.results.map { "\($0.criterion.rawValue):\($0.outcome.rawValue):\($0.reason)" }.joined(separator: ",")
    }

    static func parse(_ text: String?) -> [Row] {
        (text ?? "").split(separator: ",").compactMap { item in
            let parts = item.split(separator: ":").map(String.init)
            return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
        }
    }
}
