import Fluent

/// Needs belong to a public body; everything a need says is kept, drafts included, so screening can explain itself.
struct M009_CreateNeeds: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Need.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("title", .string, .required)
            .field("problem_statement", .string, .required)
            .field("why_private_sector", .string, .required)
            .field("support_areas", .string, .required)
            .field("issue_areas", .string, .required)
            .field("required_skills", .string, .required)
            .field("preferred_skills", .string, .required)
            .field("languages", .string, .required)
            .field("preferred_start", .datetime)
            .field("duration_months", .int, .required)
            .field("expected_outputs", .string, .required)
            .field("data_access", .string, .required)
            .field("data_rules", .string, .required)
            .field("readiness", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Need.schema).delete()
    }
}
