import Fluent

/// Browser sessions with an expiry, replacing a store whose rows never expired.
struct M007_CreateSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(StoredSession.schema)
            .field("id", .string, .identifier(auto: false))
            .field("data", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(StoredSession.schema).delete()
    }
}
