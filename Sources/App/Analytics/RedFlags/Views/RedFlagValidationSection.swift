import Foundation

/// A finished run's check against known outcomes, as its page shows it: the kept result, if any, and the form that
/// sends labels, with what was wrong with the last ones.
struct RedFlagValidationSection: Encodable, Sendable, Equatable {
    struct Row: Encodable, Sendable, Equatable {
        let code: String
        let name: String
        let href: String
        let treatment: String
        let control: String
        let oddsRatio: String
        let interval: String
        let coefficient: String
        let impact: String
    }

    let action: String
    let summary: String?
    let rows: [Row]
    let error: String?
    let problems: [String]

    init(runID: UUID, kept: RedFlagValidation?, refusal: RedFlagValidationService.Refusal?, text: some Translating) {
        action = RedFlagsRoute.validate.link(runID)
        summary = kept.map {
            text.t("redflags.validation.summary", $0.fileName, text.number($0.treatment), text.number($0.control), text.number($0.missing))
        }
        rows = (kept?.rows ?? []).map { row in
            let share = { (flagged: Int, share: Double) in "\(text.number(flagged)) (\(ProgrammeFigures.percent(share, text)))" }
            return Row(code: row.code, name: text.t("redflags.indicator.\(row.code).name"), href: RedFlagsRoute.indicator.link(row.code),
                       treatment: share(row.flaggedTreatment, row.prevalenceTreatment), control: share(row.flaggedControl, row.prevalenceControl),
                       oddsRatio: ProgrammeFigures.mean(row.oddsRatio, text),
                       interval: text.t("redflags.validation.interval", ProgrammeFigures.mean(row.lower, text), ProgrammeFigures.mean(row.upper, text)),
                       coefficient: ProgrammeFigures.signed(row.coefficient, text), impact: text.t("redflags.validation.impact.\(row.impact.rawValue)"))
        }
        error = refusal?.message(text)
        problems = refusal?.problems(text) ?? []
    }
}
