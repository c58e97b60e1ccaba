import Fluent

/// Red-flag runs become jobs: their input must outlive the process that received the upload.
struct M029_CreateRedFlagInputs: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("red_flag_inputs")
            .field("run_id", .uuid, .identifier(auto: false), .references(RedFlagRun.schema, .id))
            .field("lines", .data, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("red_flag_inputs").delete()
    }
}
