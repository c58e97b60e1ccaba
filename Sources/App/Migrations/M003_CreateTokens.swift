import Fluent

/// Invitations, password resets and API tokens: all single secrets stored only as digests.
struct M003_CreateTokens: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Invitation.schema)
            .id()
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id))
            .field("language", .string, .required)
            .field("token_digest", .string, .required)
            .field("invited_by", .uuid, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_digest")
            .create()
        try await database.schema(PasswordReset.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("token_digest", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_digest")
            .create()
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("token_digest", .string, .required)
            .field("hint", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_digest")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(APIToken.schema).delete()
        try await database.schema(PasswordReset.schema).delete()
        try await database.schema(Invitation.schema).delete()
    }
}
