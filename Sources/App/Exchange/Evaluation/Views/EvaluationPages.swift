import ExchangeCore
import Foundation

/// The evaluation rounds of a match: which are open, who answered (staff), and whether the reader has.
struct EvaluationListPage: PageModel {
    static let template = "evaluations"
    let titleKey = "evaluation.title"

    struct RoundRow: Encodable, Sendable, Equatable {
        let stage: String
        let href: String?
        let openedAt: String
        let answered: [String]
        let yours: String?
    }

    /// A round and who answered it; `name` is known only to staff.
    struct Round: Sendable {
        struct Response: Sendable { let respondent: UUID; let name: String?; let party: DeclaringParty }
        let stage: EvaluationStage
        let openedAt: Date
        let responses: [Response]
    }

    let matchHref: String
    let needTitle: String
    let rounds: [RoundRow]

    /// `party` is the reader's side, if a party; staff see who answered; nobody answers once the match is finished.
    init(match: MatchHeading, finished: Bool, rounds: [Round], reader: UUID?, party: DeclaringParty?, staff: Bool, text: some Translating) {
        matchHref = match.href
        needTitle = match.needTitle
        self.rounds = rounds.map { round in
            let answered = round.responses.contains { $0.respondent == reader }
            return RoundRow(
                stage: text.t("evaluation.stage.\(round.stage.rawValue)"),
                href: party != nil && !answered && !finished ? EvaluationRoute.form.link(match.id, round.stage) : nil,
                openedAt: text.day(round.openedAt),
                answered: staff ? round.responses.map { "\($0.name ?? "—") (\(text.t("declaration.party.\($0.party.rawValue)")))" } : [],
                yours: party == nil ? nil : text.t(answered ? "evaluation.yours_done" : "evaluation.yours_pending"))
        }
    }
}

/// A party's questionnaire for one round, in the reader's language, holding what was sent when it comes back.
struct EvaluationFormPage: PageModel {
    static let template = "evaluation_form"
    let titleKey = "evaluation.form_title"

    struct QuestionView: Encodable, Sendable, Equatable {
        let id: String
        let prompt: String
        let kind: String
        let required: Bool
        let choices: [Option]
        let value: String
        let error: String?
    }

    let listHref: String
    let action: String
    let title: String
    let questions: [QuestionView]
    let form: FormState

    /// `raw` is what was sent, by question id.
    init(match: MatchHeading, stage: EvaluationStage, questionnaire: Questionnaire, party: DeclaringParty, raw: [String: [String]],
         errors: [FieldError], text: some Translating) {
        let language = text.language
        let questions = questionnaire.questions(for: party)
        let form = FormState(values: [:], errors: errors, on: text,
                             labels: Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0.prompt[language]) }))
        listHref = EvaluationRoute.list.link(match.id)
        action = EvaluationRoute.answer.link(match.id, stage)
        title = questionnaire.title[language]
        self.questions = questions.map { q in
            let given = raw[q.id] ?? []
            let choices: [Option] = q.kind == .likert
                ? (1...5).map { Option(value: String($0), label: String($0), selected: given.contains(String($0))) }
                : q.choices.map { Option(value: $0.id, label: $0.label[language], selected: given.contains($0.id)) }
            return QuestionView(id: q.id, prompt: q.prompt[language], kind: q.kind.rawValue, required: q.required, choices: choices,
                                value: given.first ?? "", error: form.errors[q.id])
        }
        self.form = form
    }
}
