import ExchangeCore
import Fluent
import Vapor

/// The evaluations of a match: which rounds are open and who answered, and each party's questionnaire in their
/// own language.
struct EvaluationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(EvaluationRoute.list, use: list)
        routes.on(EvaluationRoute.form, use: form)
        routes.on(EvaluationRoute.answer, use: answer)
    }

    struct RoundRow: Encodable {
        let stage: String
        let href: String?
        let openedAt: String
        let answered: [String]
        let yours: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        let principal = req.principal!
        let staff = principal.role.managesProgramme || principal.role == .evaluator
        let party = match.party(of: principal)
        let rounds = try await req.registry.evaluations.rounds(of: match)
        var names: [UUID: String] = [:]
        if staff {
            let ids = rounds.flatMap { $0.responses.map(\.$respondent.id) }
            for user in try await User.query(on: req.db).filter(\.$id ~~ ids).all() { names[try user.requireID()] = user.displayName }
        }
        struct ListPage: Encodable { let matchHref: String; let needTitle: String; let rounds: [RoundRow] }
        return try await req.page("evaluations", title: "evaluation.title", ListPage(
            matchHref: MatchRoute.show.link(try match.engagement.requireID()), needTitle: match.need.title,
            rounds: rounds.map { round in
                let mine = round.responses.first { $0.$respondent.id == principal.userID }
                return RoundRow(
                    stage: req.t("evaluation.stage.\(round.stage.rawValue)"),
                    href: party != nil && mine == nil && !match.engagement.state.isFinished ? EvaluationRoute.form.link(try match.engagement.requireID(), round.stage) : nil,
                    openedAt: CalendarDay.text(round.openedAt),
                    answered: staff ? round.responses.map { "\(names[$0.$respondent.id] ?? "—") (\(req.t("declaration.party.\($0.party.rawValue)")))" } : [],
                    yours: party == nil ? nil : req.t(mine == nil ? "evaluation.yours_pending" : "evaluation.yours_done"))
            }))
    }

    struct QuestionView: Encodable {
        let id: String
        let prompt: String
        let kind: String
        let required: Bool
        let choices: [Option]
        let value: String
        let error: String?
    }

    struct FormPage: Encodable {
        let listHref: String
        let action: String
        let title: String
        let questions: [QuestionView]
        let form: FormState
    }

    @Sendable func form(req: Request) async throws -> View {
        let (match, party, stage) = try await loadForAnswer(req)
        return try await page(req, match, party, stage, raw: [:], errors: [])
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let (match, party, stage) = try await loadForAnswer(req)
        let raw = FormFields.all(req).filter { $0.key != "_csrf" }
        return try await req.formAgainIfInvalid {
            try await req.registry.evaluations.respond(stage, raw: raw, on: match, as: party, by: try req.requireUser())
            req.flash("evaluation.thanks")
            return req.redirect(to: EvaluationRoute.list.link(try match.engagement.requireID()))
        } form: { errors in
            try await page(req, match, party, stage, raw: raw, errors: errors)
        }
    }

    private func page(_ req: Request, _ match: ProposedMatches.Loaded, _ party: DeclaringParty, _ stage: EvaluationStage,
                      raw: [String: [String]], errors: [FieldError]) async throws -> View {
        guard let round = try await req.registry.evaluations.rounds(of: match).first(where: { $0.stage == stage }) else {
            throw AppError.notFound
        }
        let questions = round.questionnaire.questions(for: party)
        let labels = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0.prompt[req.language]) })
        let form = FormState(values: [:], errors: errors, on: req, labels: labels)
        return try await req.page("evaluation_form", title: "evaluation.form_title", FormPage(
            listHref: EvaluationRoute.list.link(try match.engagement.requireID()), action: EvaluationRoute.answer.link(match.engagement.requireID(), stage),
            title: round.questionnaire.title[req.language],
            questions: questions.map { q in
                let given = raw[q.id] ?? []
                let choices: [Option] = q.kind == .likert
                    ? (1...5).map { Option(value: String($0), label: String($0), selected: given.contains(String($0))) }
                    : q.choices.map { Option(value: $0.id, label: $0.label[req.language], selected: given.contains($0.id)) }
                return QuestionView(id: q.id, prompt: q.prompt[req.language], kind: q.kind.rawValue, required: q.required, choices: choices,
                                    value: given.first ?? "", error: form.errors[q.id])
            },
            form: form))
    }

    /// Only the parties answer, each for their own side.
    private func loadForAnswer(_ req: Request) async throws -> (ProposedMatches.Loaded, DeclaringParty, EvaluationStage) {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        guard let stage = req.parameters.get("stage").flatMap(EvaluationStage.init(rawValue:)) else { throw AppError.notFound }
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        return (match, party, stage)
    }
}
