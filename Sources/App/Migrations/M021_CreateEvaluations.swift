import Fluent

/// Evaluations: each engagement gets a round per stage (pre, mid, post) holding the questionnaire as sent, so
/// later template changes never alter what was asked; one response per respondent per round. Coordinators add
/// questions to a stage's template; the programme's KPI questions are code and cannot be removed.
struct M021_CreateEvaluations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(EvaluationRound.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("stage", .string, .required)
            .field("questionnaire", .string, .required)
            .field("opened_at", .datetime, .required)
            .unique(on: "engagement_id", "stage")
            .create()
        try await database.schema(EvaluationResponseRecord.schema)
            .id()
            .field("round_id", .uuid, .required, .references(EvaluationRound.schema, .id))
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("respondent_id", .uuid, .required, .references(User.schema, .id))
            .field("party", .string, .required)
            .field("answers", .string, .required)
            .field("submitted_at", .datetime, .required)
            .unique(on: "round_id", "respondent_id")
            .create()
        try await database.schema(QuestionnaireExtras.schema)
            .id()
            .field("stage", .string, .required)
            .field("questions", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "stage")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(QuestionnaireExtras.schema).delete()
        try await database.schema(EvaluationResponseRecord.schema).delete()
        try await database.schema(EvaluationRound.schema).delete()
    }
}
