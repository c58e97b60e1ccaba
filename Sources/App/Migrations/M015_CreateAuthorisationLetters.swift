import Fluent

/// The optional employer's letter behind an expert's authorisations. Kept in the database, not on disk, so backups
/// and both database engines hold it the same way; one per profile, replaced on a new upload.
struct M015_CreateAuthorisationLetters: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuthorisationLetter.schema)
            .id()
            .field("expert_profile_id", .uuid, .required, .references(ExpertProfile.schema, .id))
            .field("filename", .string, .required)
            .field("format", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .uuid, .required)
            .field("uploaded_at", .datetime, .required)
            .unique(on: "expert_profile_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuthorisationLetter.schema).delete()
    }
}
