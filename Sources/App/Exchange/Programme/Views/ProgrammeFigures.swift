import Foundation

/// How the programme's figures read on the dashboard and in the printed summary: a share as a whole percent, a mean
/// change signed to two decimals, a confidence interval between two of those; "—" where there is nothing to show.
enum ProgrammeFigures {
    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }

    static func signed(_ value: Double?) -> String { value.map { String(format: "%+.2f", $0) } ?? "—" }

    static func interval(_ low: Double?, _ high: Double?, _ text: some Translating) -> String {
        guard let low, let high else { return "—" }
        return text.t("programme.interval", signed(low), signed(high))
    }
}
