import ExchangeCore

/// One criterion of an automatic screening, as stored with the profile or the body: codes only, never free text.
struct ScreeningResult: Codable, Sendable, Equatable {
    let criterion: String
    let outcome: String
    let reason: String

    static func results<C: RawRepresentable>(_ screening: Screening<C>) -> JSONList<ScreeningResult> where C.RawValue == String {
        JSONList(screening.results.map { ScreeningResult(criterion: $0.criterion.rawValue, outcome: $0.outcome.rawValue, reason: $0.reason) })
    }
}
