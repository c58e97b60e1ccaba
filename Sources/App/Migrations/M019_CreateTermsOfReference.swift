import Fluent

/// Terms of Reference are versioned: every saved change is a new version, kept whole as JSON so any two can be
/// compared, and signatures belong to one version, so an edit after sign-off needs signing again.
struct M019_CreateTermsOfReference: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TermsVersion.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(Engagement.schema, .id))
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "engagement_id", "number")
            .create()
        try await database.schema(TermsSignature.schema)
            .id()
            .field("version_id", .uuid, .required, .references(TermsVersion.schema, .id))
            .field("side", .string, .required)
            .field("signed_by", .uuid, .required, .references(User.schema, .id))
            .field("signed_at", .datetime, .required)
            .unique(on: "version_id", "side")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TermsSignature.schema).delete()
        try await database.schema(TermsVersion.schema).delete()
    }
}
