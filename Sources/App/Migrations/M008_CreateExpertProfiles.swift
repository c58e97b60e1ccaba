import Fluent

/// Expert profiles, first filled by roster imports; the unique identity key keeps one person to one profile.
struct M008_CreateExpertProfiles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ExpertProfile.schema)
            .id()
            .field("user_id", .uuid, .references(User.schema, .id))
            .field("full_name", .string, .required)
            .field("email", .string)
            .field("organisation_name", .string, .required)
            .field("identity_key", .string, .required)
            .field("country", .string, .required)
            .field("areas", .string, .required)
            .field("status", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "identity_key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ExpertProfile.schema).delete()
    }
}
