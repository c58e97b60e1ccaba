import Fluent

/// Public bodies and companies come first: users and invitations point at them.
struct M001_CreateOrganisations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("country", .string, .required)
            .field("public_body_type", .string)
            .field("jurisdiction", .string)
            .field("mandate", .string)
            .field("legal_basis", .string)
            .field("working_languages", .string, .required)
            .field("sector", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
