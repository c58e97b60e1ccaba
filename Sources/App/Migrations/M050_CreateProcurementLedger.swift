import Fluent
import SQLKit

/// The procurement ledger (issue 21): a second Merkle log, public and append-only, of signed procurement events.
/// Entries keep the exact bytes that were hashed; full tiles' roots are stored as the log grows so that any tile is
/// a range read; organisations' signing keys and the witnesses whose cosignatures are accepted live beside it.
struct M050_CreateProcurementLedger: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LedgerKeyRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("key_id", .string, .required)
            .field("public_key", .string, .required)
            .field("registered_by", .uuid, .references(User.schema, "id"))
            .field("registered_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "key_id")
            .create()
        try await database.schema(LedgerEntryRecord.schema)
            .field("id", .int64, .identifier(auto: false))
            .field("procurement", .string, .required)
            .field("kind", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("key_id", .string, .required)
            .field("logged_ms", .int64, .required)
            .field("leaf_hash", .string, .required)
            .field("body", .data, .required)
            .create()
        try await database.schema(LedgerTileHash.schema)
            .field("id", .int64, .identifier(auto: false))
            .field("level", .int, .required)
            .field("position", .int64, .required)
            .field("hash", .string, .required)
            .unique(on: "level", "position")
            .create()
        try await database.schema(LedgerTreeState.schema)
            .field("id", .int, .identifier(auto: false))
            .field("size", .int64, .required)
            .field("peaks", .string, .required)
            .field("checkpoint", .string, .required)
            .create()
        try await database.schema(LedgerWitnessRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("verifier_key", .string, .required)
            .field("registered_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema(LedgerCosignatureRecord.schema)
            .id()
            .field("witness_id", .uuid, .required, .references(LedgerWitnessRecord.schema, "id"))
            .field("tree_size", .int64, .required)
            .field("signature_line", .string, .required)
            .field("cosigned_at", .int64, .required)
            .unique(on: "witness_id", "tree_size")
            .create()
        for (table, column) in [(LedgerKeyRecord.schema, "organisation_id"), (LedgerKeyRecord.schema, "registered_by"),
                                (LedgerEntryRecord.schema, "procurement"), (LedgerEntryRecord.schema, "organisation_id"),
                                (LedgerCosignatureRecord.schema, "tree_size")] {
            try await database.sql.create(index: "\(table)_\(column)").on(table).column(column).run()
        }
    }

    func revert(on database: Database) async throws {
        for schema in [LedgerCosignatureRecord.schema, LedgerWitnessRecord.schema, LedgerTreeState.schema, LedgerTileHash.schema,
                       LedgerEntryRecord.schema, LedgerKeyRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
