import Fluent
import Foundation

/// A row of the audit log. Its columns are exactly the leaf's fields, plus the names of changed fields for display.
final class AuditEntryRecord: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(custom: "sequence", generatedBy: .user) var id: Int?
    @Field(key: "timestamp_ms") var timestampMs: Int64
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "subject_type") var subjectType: String
    @Field(key: "subject_id") var subjectID: String
    @Field(key: "reason") var reason: String
    @Field(key: "change_digest") var changeDigest: String
    @Field(key: "changed_fields") var changedFields: String

    init() {}
}

/// A signed checkpoint; one is written after every append.
final class AuditCheckpointRecord: Model, @unchecked Sendable {
    static let schema = "audit_checkpoints"

    @ID(custom: "tree_size", generatedBy: .user) var id: Int?
    @Field(key: "root_hash") var rootHash: String
    @Field(key: "timestamp_ms") var timestampMs: Int64
    @Field(key: "signature") var signature: String
    @Field(key: "key_id") var keyID: String

    init() {}
}

/// The compact range of the current tree, so appends need not reread history.
final class AuditTreeState: Model, @unchecked Sendable {
    static let schema = "audit_tree_state"
    static let singletonID = 1

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "size") var size: Int64
    /// Peak hashes in hex, largest subtree first, comma-separated.
    @Field(key: "peaks") var peaks: String

    init() {}
}
