import Fluent

/// API retries and double-clicked forms must not act twice: a client's key and its first response, unique per owner
/// so that of two simultaneous requests with one key only one runs.
struct M026_CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(IdempotencyRecord.schema)
            .id()
            .field("owner", .string, .required)
            .field("key", .string, .required)
            .field("request_digest", .string, .required)
            .field("status", .int)
            .field("content_type", .string)
            .field("location", .string)
            .field("body", .data)
            .field("created_at", .datetime, .required)
            .unique(on: "owner", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(IdempotencyRecord.schema).delete()
    }
}
