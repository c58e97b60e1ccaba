import ExchangeCore
import Foundation

/// Scores and exclusion counts as every matching page shows them.
enum ScoreText {
    /// A whole percent as the reader writes it: "83%" in English, "83 %" in French and Spanish.
    static func percent(_ value: Double, _ text: some Translating) -> String { ProgrammeFigures.percent(value, text) }
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// "312 excluded: no shared working language", one line per reason that excluded anyone, in the filters' order.
    static func exclusions(_ req: some Translating, count: (Exclusion) -> Int?) -> [String] {
        Exclusion.allCases.compactMap { reason in
            count(reason).map { req.t("candidates.excluded", String($0), req.t("exclusion.\(reason.rawValue)")) }
        }
    }
}
