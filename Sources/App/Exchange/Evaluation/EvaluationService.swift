import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The evaluations of an engagement: a round per stage, opened when the Terms are signed (pre), half-way (mid) and
/// at closing (post), answered once by each person on either side. Both sides answering the post round completes
/// the post-evaluations the workflow needs to close.
struct EvaluationService {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock
    let mailer: Mailer
    let catalogs: Catalogs

    /// The programme's questions for the stage, with the need's knowledge items, then what coordinators added.
    func questionnaire(_ stage: EvaluationStage, for need: Need, on db: Database) async throws -> Questionnaire {
        var questionnaire = DefaultQuestionnaires.questionnaire(stage, supportAreas: need.scope.supportAreas.map(\.rawValue)) { area in
            LocalizedText(en: catalogs.text("support_area.\(area)", .en), fr: catalogs.text("support_area.\(area)", .fr),
                          es: catalogs.text("support_area.\(area)", .es))
        }
        questionnaire.questions += try await QuestionnaireExtras.query(on: db).filter(\.$stage == stage).first()?.questions ?? []
        return questionnaire
    }

    /// Opens the stage's round unless it is open already, and asks both parties; returns whether it opened.
    @discardableResult
    func open(_ stage: EvaluationStage, for match: ProposedMatches.Loaded, in scope: AuditScope) async throws -> Bool {
        let db = scope.db
        let exists = try await EvaluationRound.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).filter(\.$stage == stage).count() > 0
        guard !exists else { return false }
        let round = try await EvaluationRound(engagementID: match.engagement.requireID(), questionnaire: questionnaire(stage, for: match.need, on: db),
                                    now: clock.now())
        try await round.create(on: db)
        try await scope.record(.evaluationOpen, .engagement(match.engagement.requireID()), changes: ["stage": stage.rawValue])
        try await EngagementParties.tell(try await EngagementParties.people(of: match.need, match.expert, on: db), "evaluation_\(stage.rawValue)",
                                         arguments: [match.need.title], link: EvaluationRoute.form.link(try match.engagement.requireID(), stage),
                                         clock: clock, mailer: mailer, on: db)
        return true
    }

    func rounds(of match: ProposedMatches.Loaded) async throws -> [EvaluationRound] {
        try await EvaluationRound.query(on: db).filter(\.$engagement.$id == match.engagement.requireID()).with(\.$responses).all()
            .sorted { EvaluationStage.allCases.firstIndex(of: $0.stage)! < EvaluationStage.allCases.firstIndex(of: $1.stage)! }
    }

    func respond(_ stage: EvaluationStage, raw: [String: [String]], on match: ProposedMatches.Loaded, as party: DeclaringParty,
                 by user: User) async throws {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            // Read with the responses stored now: both sides answering together must see each other to complete the round.
            let (round, questionnaire) = try await openRound(stage, of: match, on: scope.db)
            guard !round.responses.contains(where: { $0.$respondent.id == user.id }) else { throw AppError.conflict(code: "evaluation_answered") }
            let (answers, errors) = QuestionnaireAnswers.parse(raw, for: questionnaire.questions(for: party))
            guard errors.isEmpty else { throw AppError.validation(errors) }
            try await EvaluationResponseRecord(round: round, respondent: user.requireID(), party: party, answers: answers, now: clock.now()).create(on: scope.db)
            // Answers are kept with the response; the log records that one was given.
            try await scope.record(.evaluationRespond, .engagement(match.engagement.requireID()), changes: ["stage": stage.rawValue, "party": party.rawValue])
            try await match.engagement.reloadState(on: scope.db)
            let parties = Set(round.responses.map(\.party)).union([party])
            if stage == .post && parties == Set(DeclaringParty.allCases) && !match.engagement.state.postEvaluationsComplete {
                try await EngagementWorkflowService.apply(.recordPostEvaluations, to: match.engagement, by: user.role, in: scope, now: clock.now())
            }
        }
    }

    private func openRound(_ stage: EvaluationStage, of match: ProposedMatches.Loaded,
                           on db: Database) async throws -> (EvaluationRound, Questionnaire) {
        guard let round = try await EvaluationRound.query(on: db).filter(\.$engagement.$id == match.engagement.requireID())
            .filter(\.$stage == stage).with(\.$responses).first() else {
            throw AppError.conflict(code: "evaluation_not_open")
        }
        return (round, round.questionnaire)
    }
}
