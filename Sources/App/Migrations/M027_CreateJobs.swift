import Fluent
import SQLKit

/// Background work moves out of process memory: a job table with leases lets several instances share the work,
/// follow it from anywhere, and take over what a stopped process left.
struct M027_CreateJobs: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(JobRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_after", .datetime, .required)
            .field("lease_owner", .string)
            .field("lease_until", .datetime)
            .field("phase", .string)
            .field("done", .int, .required)
            .field("total", .int, .required)
            .field("error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // Periodic work names its period here, so however many instances enqueue it, it runs once.
            .field("unique_key", .string)
            .unique(on: "unique_key")
            .create()
        // Claiming looks for due queued work and expired leases; pages look a run's job up by its subject.
        try await database.sql.raw("CREATE INDEX jobs_claim ON jobs (status, run_after)").run()
        try await database.sql.raw("CREATE INDEX jobs_subject ON jobs (subject_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(JobRecord.schema).delete()
    }
}
