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

    @Sendable func list(req: Request) async throws -> View {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        let principal = req.principal!
        let staff = principal.role.managesProgramme || principal.role == .evaluator
        let rounds = try await req.registry.evaluations.rounds(of: match)
        var names: [UUID: String] = [:]
        if staff {
            let ids = rounds.flatMap { $0.responses.map(\.$respondent.id) }
            for user in try await User.query(on: req.db).filter(\.$id ~~ ids).all() { names[try user.requireID()] = user.displayName }
        }
        return try await req.page(EvaluationListPage(
            match: try match.heading, finished: match.engagement.state.isFinished,
            rounds: rounds.map { round in
                .init(stage: round.stage, openedAt: round.openedAt,
                      responses: round.responses.map { .init(respondent: $0.$respondent.id, name: names[$0.$respondent.id], party: $0.party) })
            },
            reader: principal.userID, party: match.party(of: principal), staff: staff, text: req))
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
        return try await req.page(EvaluationFormPage(match: try match.heading, stage: stage, questionnaire: round.questionnaire, party: party,
                                                     raw: raw, errors: errors, text: req))
    }

    /// Only the parties answer, each for their own side.
    private func loadForAnswer(_ req: Request) async throws -> (ProposedMatches.Loaded, DeclaringParty, EvaluationStage) {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        guard let stage = req.parameters.get("stage").flatMap(EvaluationStage.init(rawValue:)) else { throw AppError.notFound }
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        return (match, party, stage)
    }
}
