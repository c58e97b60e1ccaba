import Fluent

/// Failed-login counters behind the lockout; kept apart from users so unknown e-mails are throttled too.
struct M004_CreateLoginFailures: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LoginFailure.schema)
            .field("account_key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("locked_until", .datetime)
            .field("last_failure_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(LoginFailure.schema).delete()
    }
}
