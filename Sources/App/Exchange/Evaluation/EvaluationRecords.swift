import ExchangeCore
import Fluent
import Foundation

/// One stage's questionnaire for one engagement, as it was sent.
final class EvaluationRound: Model, @unchecked Sendable {
    static let schema = "evaluation_rounds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "stage") var stage: EvaluationStage
    @Field(key: "questionnaire") var questionnaire: Questionnaire
    @Field(key: "opened_at") var openedAt: Date
    @Children(for: \.$round) var responses: [EvaluationResponseRecord]

    init() {}

    init(engagementID: UUID, questionnaire: Questionnaire, now: Date) {
        id = UUID()
        $engagement.id = engagementID
        stage = questionnaire.stage
        self.questionnaire = questionnaire
        openedAt = now
    }
}

final class EvaluationResponseRecord: Model, @unchecked Sendable {
    static let schema = "evaluation_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: EvaluationRound
    @Field(key: "engagement_id") var engagementID: UUID
    @Parent(key: "respondent_id") var respondent: User
    @Field(key: "party") var party: DeclaringParty
    @Field(key: "answers") var answers: [String: AnswerValue]
    @Field(key: "submitted_at") var submittedAt: Date

    init() {}

    init(round: EvaluationRound, respondent: UUID, party: DeclaringParty, answers: [String: AnswerValue], now: Date) throws {
        id = UUID()
        $round.id = try round.requireID()
        engagementID = round.$engagement.id
        $respondent.id = respondent
        self.party = party
        self.answers = answers
        submittedAt = now
    }
}

/// The questions coordinators added to a stage's questionnaire.
final class QuestionnaireExtras: Model, @unchecked Sendable {
    static let schema = "questionnaire_extras"

    @ID(key: .id) var id: UUID?
    @Field(key: "stage") var stage: EvaluationStage
    @Field(key: "questions") var storedQuestions: JSONList<Question>
    @Field(key: "updated_by") var updatedBy: UUID
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var questions: [Question] {
        get { storedQuestions.items }
        set { storedQuestions = JSONList(newValue) }
    }
}

/// A statement, with links, that the programme meets one of its success indicators.
final class SuccessEvidenceRecord: Model, @unchecked Sendable {
    static let schema = "success_evidence"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator") var indicator: SuccessIndicator
    @Field(key: "statement") var statement: String
    /// Newline-separated web links.
    @Field(key: "links") var storedLinks: JSONList<String>
    @Parent(key: "recorded_by") var recorder: User
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(_ evidence: SuccessEvidence, by user: UUID, now: Date) {
        id = UUID()
        indicator = evidence.indicator
        statement = evidence.statement
        storedLinks = JSONList(evidence.links)
        $recorder.id = user
        recordedAt = now
    }

    var links: [String] { storedLinks.items }
}
