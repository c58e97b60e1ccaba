import Fluent
import SQLKit

/// Reading reports through the API (issue 20): an unlocked key is sealed here under a half only the client holds,
/// bound to its person and expiring, as the pages keep theirs in the session and a cookie. Indexed by person, whose
/// expired seals are cleared when they unlock again.
struct M048_CreateAPIReaderKeys: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(APIReaderKey.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("sealed", .data, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "\(APIReaderKey.schema)_user_id").on(APIReaderKey.schema).column("user_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "\(APIReaderKey.schema)_user_id").run()
        try await database.schema(APIReaderKey.schema).delete()
    }
}
