import Fluent

/// Administrators' additions to and renamings of the skills taxonomy. The shipped file stays the versioned base;
/// these rows are applied over it, one per skill id, so references by id never break.
struct M014_CreateSkillEdits: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SkillEdit.schema)
            .id()
            .field("skill_id", .string, .required)
            .field("group_id", .string, .required)
            .field("label_en", .string, .required)
            .field("label_fr", .string, .required)
            .field("label_es", .string, .required)
            .field("synonyms", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "skill_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SkillEdit.schema).delete()
    }
}
