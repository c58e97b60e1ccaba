import Fluent

/// The tamper-evident log: entries keyed by sequence, one signed checkpoint per tree size,
/// and the compact range that lets each append sign a new root cheaply.
struct M006_CreateAuditLog: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntryRecord.schema)
            .field("sequence", .int64, .identifier(auto: false))
            .field("timestamp_ms", .int64, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("reason", .string, .required)
            .field("change_digest", .string, .required)
            .field("changed_fields", .string, .required)
            .create()
        try await database.schema(AuditCheckpointRecord.schema)
            .field("tree_size", .int64, .identifier(auto: false))
            .field("root_hash", .string, .required)
            .field("timestamp_ms", .int64, .required)
            .field("signature", .string, .required)
            .field("key_id", .string, .required)
            .create()
        try await database.schema(AuditTreeState.schema)
            .field("id", .int, .identifier(auto: false))
            .field("size", .int64, .required)
            .field("peaks", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditTreeState.schema).delete()
        try await database.schema(AuditCheckpointRecord.schema).delete()
        try await database.schema(AuditEntryRecord.schema).delete()
    }
}
