import Fluent

/// Concerns that a party is promoting or selling inside an exchange. The reporter is kept for programme staff only;
/// the outcome and its text are kept beside the report, and a cancelled match may point at its alternate.
struct M018_CreateMarketingConcerns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(MarketingConcern.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("reported_by", .uuid, .required, .references(User.schema, .id))
            .field("reporter_party", .string, .required)
            .field("description", .string, .required)
            .field("links", .string, .required)
            .field("status", .string, .required)
            .field("outcome_text", .string)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("alternative_engagement_id", .uuid)
            .field("reported_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(MarketingConcern.schema).delete()
    }
}
