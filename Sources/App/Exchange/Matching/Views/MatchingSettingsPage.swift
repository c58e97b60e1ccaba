import ExchangeCore
import Foundation

/// The programme's matching weights, unassigned penalty and number of alternates, changed with a reason.
struct MatchingSettingsPage: PageModel {
    static let template = "matching_settings"
    let titleKey = "matching.settings_title"

    struct WeightField: Encodable, Sendable, Equatable {
        let name: String
        let label: String
        let value: String
        let error: String?
    }

    let weights: [WeightField]
    let form: FormState

    /// `values` by field name (`weights.<criterion>`, `penalty`, `alternates`, `reason`), as stored or as sent.
    init(values: [String: String], errors: [FieldError], text: some Translating) {
        let form = FormState(values: values, errors: errors, on: text)
        weights = MatchCriterion.allCases.map { c in
            WeightField(name: c.rawValue, label: text.t("criterion.\(c.rawValue)"), value: values["weights.\(c.rawValue)"] ?? "",
                        error: form.errors["weights.\(c.rawValue)"] ?? form.errors["weights"])
        }
        self.form = form
    }

    /// The stored settings as the form's values.
    static func values(_ s: BatchMatching.Settings) -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: MatchCriterion.allCases.map { ("weights.\($0.rawValue)", ScoreText.decimal(s.weights[$0])) })
        values["penalty"] = ScoreText.decimal(s.penalty)
        values["alternates"] = String(s.alternates)
        return values
    }
}
