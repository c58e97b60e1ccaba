import ExchangeCore
import SecureReporting

/// The same words in every language, for questionnaires whose words are beside the point.
func words(_ text: String) -> LocalizedText { LocalizedText(en: text, fr: text + " (fr)", es: text + " (es)") }

func field(_ id: String, _ kind: ReportQuestion.Kind = .text, required: Bool = false, options: [String] = [], showWhen: Condition? = nil,
           statistical: Bool = false, evidence: EvidenceItem? = nil) -> ReportQuestion {
    ReportQuestion(id: id, kind: kind, label: words(id), help: words("How to answer \(id)"), why: words("Why \(id)"), required: required,
          options: options.map { ReportQuestion.Option(id: $0, label: words($0)) }, showWhen: showWhen, statistical: statistical, evidence: evidence)
}

/// A bribery questionnaire: who asked (a choice), then a branch per kind of service, then the evidence.
func briberyQuestionnaire() -> ReportQuestionnaire {
    ReportQuestionnaire(
        steps: [
            Step(id: "what", title: words("What happened"), fields: [
                field("service", .choice, required: true, options: ["health", "police", "other"], statistical: true, evidence: .what),
                field("hospital", showWhen: Condition(field: "service", value: "health"), evidence: .where),
                field("station", showWhen: Condition(field: "service", value: "police"), evidence: .where),
                field("amount", .amount, evidence: .amount),
            ]),
            Step(id: "proof", title: words("What shows it"), fields: [
                field("documents", .file, evidence: .documents),
                field("witnesses", .yesNo),
            ]),
        ],
        demographics: [field("age", .choice, required: true, options: ["under30", "over30"])],
        rules: [
            Rule(when: Condition(field: "service", value: "police"), .excludeRecipients(["police-inspectorate"])),
            Rule(when: Condition(field: "service", value: "health"), .addRecipients(["health-ombudsman"])),
            Rule(when: Condition(field: "service", value: "other"), .block(words("Other services report elsewhere"))),
        ])
}
