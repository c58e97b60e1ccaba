import ExchangeCore
import Foundation

/// The six success indicators with the evidence recorded for each, and the form to add more.
struct IndicatorsPage: PageModel {
    static let template = "indicators"
    let titleKey = "indicators.title"

    struct EvidenceRow: Encodable, Sendable, Equatable { let statement: String; let links: [String]; let by: String; let at: String }
    struct IndicatorRow: Encodable, Sendable, Equatable { let name: String; let evidence: [EvidenceRow] }

    let indicators: [IndicatorRow]
    let options: [Option]
    let canAdd: Bool
    let form: FormState

    /// `records` newest first, each with its recorder loaded.
    init(records: [SuccessEvidenceRecord], canAdd: Bool, values: [String: String], errors: [FieldError], text: some Translating) {
        indicators = SuccessIndicator.allCases.map { indicator in
            IndicatorRow(name: text.t("indicators.name.\(indicator.rawValue)"), evidence: records.filter { $0.indicator == indicator }.map {
                EvidenceRow(statement: $0.statement, links: $0.links, by: $0.recorder.displayName, at: text.day($0.recordedAt))
            })
        }
        options = Option.cases(SuccessIndicator.allCases, labels: "indicators.name", selected: values["indicator"], text)
        self.canAdd = canAdd
        form = FormState(values: values, errors: errors, on: text)
    }
}

/// The questionnaire builder: each stage's fixed questions and the programme's own, which may be removed, and the
/// form to add one.
struct QuestionnaireBuilderPage: PageModel {
    static let template = "questionnaires"
    let titleKey = "questionnaires.title"

    struct QuestionRow: Encodable, Sendable, Equatable { let id: String; let kind: String; let prompt: String; let required: Bool; let removeAction: String? }
    struct StageRow: Encodable, Sendable, Equatable { let name: String; let questions: [QuestionRow] }

    let stages: [StageRow]
    let stageOptions: [Option]
    let kindOptions: [Option]
    let audienceOptions: [Option]
    let form: FormState

    /// `extras` are the programme's own questions by stage.
    init(extras: [EvaluationStage: [Question]], values: [String: String], errors: [FieldError], text: some Translating) {
        let placeholder = text.t("questionnaires.area_placeholder")
        stages = EvaluationStage.allCases.map { stage in
            let fixed = DefaultQuestionnaires.questionnaire(stage, supportAreas: [1]) { _ in LocalizedText(en: placeholder, fr: placeholder, es: placeholder) }
            let row = { (q: Question, removable: Bool) in
                QuestionRow(id: q.id, kind: text.t("questionnaires.kind.\(q.kind.rawValue)"), prompt: q.prompt[text.language], required: q.required,
                            removeAction: removable ? ProgrammeSettingsRoute.removeQuestion.link(stage.rawValue, q.id) : nil)
            }
            return StageRow(name: text.t("evaluation.stage.\(stage.rawValue)"),
                            questions: fixed.questions.map { row($0, false) } + (extras[stage] ?? []).map { row($0, true) })
        }
        stageOptions = Option.cases(EvaluationStage.allCases, labels: "evaluation.stage", selected: values["stage"], text)
        kindOptions = Option.cases(QuestionKind.allCases, labels: "questionnaires.kind", selected: values["kind"], text)
        audienceOptions = Option.cases(Audience.allCases, labels: "questionnaires.audience", selected: values["audience"] ?? "both", text)
        form = FormState(values: values, errors: errors, on: text)
    }
}
