import Fluent

/// Due diligence before a match is confirmed: the engagement keeps its workflow safeguards beside its stage, and gets a
/// checklist, one conflict declaration per party and the decisions (with waivers awaiting a second coordinator).
/// Existing engagements are all `proposed`, so their new columns start empty and read as the workflow's defaults.
struct M016_CreateDueDiligence: AsyncMigration {
    static let engagementColumns: [NullableColumns.Column] = [
        ("due_diligence", .string), ("terms_signed", .bool), ("post_evaluations_complete", .bool),
        ("planned_months", .int), ("extension_months", .int), ("cancel_reason", .string),
    ]

    func prepare(on database: Database) async throws {
        try await NullableColumns.add(Self.engagementColumns, to: Engagement.schema, on: database)
        try await database.schema(ChecklistRecord.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("item", .string, .required)
            .field("status", .string, .required)
            .field("notes", .string, .required)
            .field("links", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "engagement_id", "item")
            .create()
        try await database.schema(DeclarationRecord.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("party", .string, .required)
            .field("answers", .string, .required)
            .field("declared_by", .uuid, .required)
            .field("declared_at", .datetime, .required)
            .unique(on: "engagement_id", "party")
            .create()
        try await database.schema(DueDiligenceDecision.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("outcome", .string, .required)
            .field("status", .string, .required)
            .field("text", .string, .required)
            .field("mitigation", .string)
            .field("signals", .string, .required)
            .field("requested_by", .uuid, .required)
            .field("requested_at", .datetime, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("alternative_engagement_id", .uuid)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(DueDiligenceDecision.schema).delete()
        try await database.schema(DeclarationRecord.schema).delete()
        try await database.schema(ChecklistRecord.schema).delete()
        try await NullableColumns.drop(Self.engagementColumns, from: Engagement.schema, on: database)
    }
}
