import ExchangeCore
import Vapor

/// Evaluations, closing steps and the programme's KPIs over JSON, with the rules of the pages.
struct APIEvaluationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIEvaluationRoute.list, use: list)
        routes.on(APIEvaluationRoute.answer, use: answer)
        routes.on(APIEvaluationRoute.beginClosing, use: beginClosing)
        routes.on(APIEvaluationRoute.close, use: close)
        routes.on(APIEvaluationRoute.extend, use: extend)
        routes.on(APIEvaluationRoute.kpis, use: kpis)
    }

    /// One answer: a string, a number, or a list of choice ids.
    enum AnswerInput: Codable, Sendable {
        case one(String)
        case many([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) { self = .many(list); return }
            if let number = try? container.decode(Double.self) {
                self = .one(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)); return
            }
            self = .one(try container.decode(String.self))
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let value): try container.encode(value)
            case .many(let values): try container.encode(values)
            }
        }

        var values: [String] {
            switch self {
            case .one(let value): [value]
            case .many(let values): values
            }
        }
    }

    struct RoundDTO: Content {
        struct Response: Content { let party: String; let respondent: String; let submittedAt: Date; let answers: [String: String] }
        let stage: String
        let openedAt: Date
        let questionnaire: Questionnaire?
        /// Staff and evaluators see every response; a party sees its own.
        let responses: [Response]
    }

    @Sendable func list(req: Request) async throws -> [RoundDTO] {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        let principal = req.principal!
        let seesAll = principal.role.managesProgramme || principal.role == .evaluator
        return try await req.registry.evaluations.rounds(of: match).map { round in
            RoundDTO(stage: round.stage.rawValue, openedAt: round.openedAt, questionnaire: round.questionnaire,
                     responses: round.responses.filter { seesAll || $0.$respondent.id == principal.userID }.map {
                         .init(party: $0.party.rawValue, respondent: ProgrammeController.pseudonym($0.$respondent.id), submittedAt: $0.submittedAt,
                               answers: $0.answers.mapValues(\.exported))
                     })
        }
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.work }
        guard let stage = req.parameters.get("stage").flatMap(EvaluationStage.init(rawValue:)) else { throw AppError.notFound }
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        let answers = try req.content.decode(AnswersInput.self).answers ?? [:]
        try await req.registry.evaluations.respond(stage, raw: answers.mapValues(\.values), on: match, as: party, by: try req.requireUser())
        return Response(status: .created)
    }

    struct AnswersInput: Content { var answers: [String: AnswerInput]? }
    struct CloseInput: Content { var overrideReason: String? }
    struct ExtendInput: Content { var months: Int?; var reason: String? }

    struct StageDTO: Content { let stage: String; let postEvaluationsComplete: Bool; let totalMonths: Int }

    @Sendable func beginClosing(req: Request) async throws -> StageDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        try await req.registry.engagements.beginClosing(match, by: try req.requireUser())
        return stage(match)
    }

    @Sendable func close(req: Request) async throws -> StageDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        try await req.registry.engagements.close(match, overrideReason: try req.content.decode(CloseInput.self).overrideReason, by: try req.requireUser())
        return stage(match)
    }

    @Sendable func extend(req: Request) async throws -> StageDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        let input = try req.content.decode(ExtendInput.self)
        try await req.registry.engagements.extend(match, months: input.months, reason: input.reason ?? "", by: try req.requireUser())
        return stage(match)
    }

    struct KPIDTO: Content {
        struct Estimate: Content { let n: Int; let mean: Double?; let low: Double?; let high: Double? }
        struct Year: Content {
            let year: Int; let outputsDone: Int; let outputsPlanned: Int; let closed: Int; let started: Int; let satisfaction: Estimate
        }
        let needsMet: Int
        let needsEvaluated: Int
        let needsMetShare: Double?
        let needsMetThreshold: Int
        let knowledge: Estimate
        let knowledgeByItem: [String: Estimate]
        let years: [Year]
    }

    @Sendable func kpis(req: Request) async throws -> KPIDTO {
        try req.authorize(.read, .programmeReports)
        let report = try await req.cachedProgrammeReport()
        let estimate = { (e: MeanEstimate) in KPIDTO.Estimate(n: e.n, mean: e.mean, low: e.low, high: e.high) }
        return KPIDTO(
            needsMet: report.needsMet.met, needsEvaluated: report.needsMet.evaluated, needsMetShare: report.needsMet.share,
            needsMetThreshold: req.application.configuration.needsMetThreshold, knowledge: estimate(report.knowledge.programme),
            knowledgeByItem: report.knowledge.byItem.mapValues(estimate),
            years: report.years.map {
                .init(year: $0.year, outputsDone: $0.outputsDone, outputsPlanned: $0.outputsPlanned, closed: $0.closed, started: $0.started,
                      satisfaction: estimate($0.feedback))
            })
    }

    private func stage(_ match: ProposedMatches.Loaded) -> StageDTO {
        let state = match.engagement.state
        return StageDTO(stage: state.stage.rawValue, postEvaluationsComplete: state.postEvaluationsComplete, totalMonths: state.totalMonths)
    }
}
