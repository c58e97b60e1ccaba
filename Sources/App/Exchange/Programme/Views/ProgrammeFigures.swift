import Foundation

/// How the programme's figures read on the dashboard and in the printed summary, in the reader's locale: a share as
/// a whole percent ("100 %" in French), a mean change signed to two decimals ("+2,00"), a confidence interval
/// between two of those; "—" where there is nothing to show.
enum ProgrammeFigures {
    static func percent(_ share: Double?, _ text: some Translating) -> String {
        share.map { $0.formatted(.percent.precision(.fractionLength(0)).locale(text.locale)) } ?? "—"
    }

    static func signed(_ value: Double?, _ text: some Translating) -> String {
        value.map { $0.formatted(.number.sign(strategy: .always()).precision(.fractionLength(2)).locale(text.locale)) } ?? "—"
    }

    /// A mean on a scale (satisfaction, 1–5), unsigned: it is a level, not a change.
    static func mean(_ value: Double?, _ text: some Translating) -> String {
        value.map { $0.formatted(.number.precision(.fractionLength(2)).locale(text.locale)) } ?? "—"
    }

    static func interval(_ low: Double?, _ high: Double?, _ text: some Translating) -> String {
        guard let low, let high else { return "—" }
        return text.t("programme.interval", signed(low, text), signed(high, text))
    }
}
