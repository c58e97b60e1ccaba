import Fluent
import Foundation

/// A public key an organisation signs ledger events with. Revoked keys stay, so old entries still verify.
final class LedgerKeyRecord: Model, @unchecked Sendable {
    static let schema = "ledger_keys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    /// First 8 bytes of SHA-256 of the raw key, in hex: what a signed entry names.
    @Field(key: "key_id") var keyID: String
    /// The raw Ed25519 public key, base64.
    @Field(key: "public_key") var publicKey: String
    /// Nil when registered from the command line.
    @OptionalField(key: "registered_by") var registeredBy: UUID?
    @Field(key: "registered_at") var registeredAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

/// One appended entry: the exact leaf bytes, and what the gate rules and pages look entries up by.
final class LedgerEntryRecord: Model, @unchecked Sendable {
    static let schema = "ledger_entries"

    /// The entry's index in the log, from 0.
    @ID(custom: "id", generatedBy: .user) var id: Int64?
    @Field(key: "procurement") var procurement: String
    @Field(key: "kind") var kind: String
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "key_id") var keyID: String
    @Field(key: "logged_ms") var loggedMs: Int64
    @Field(key: "leaf_hash") var leafHash: String
    @Field(key: "body") var body: Data

    init() {}
}

/// The root of a full tile, one level up (tlog-tiles): level 1 holds roots of 256 leaves, level 2 of 65,536.
final class LedgerTileHash: Model, @unchecked Sendable {
    static let schema = "ledger_tile_hashes"

    /// `level << 48 | position`, so that a row has one key.
    @ID(custom: "id", generatedBy: .user) var id: Int64?
    @Field(key: "level") var level: Int
    @Field(key: "position") var position: Int64
    @Field(key: "hash") var hash: String

    init() {}

    init(level: Int, position: UInt64, hash: String) {
        id = Int64(level) << 48 | Int64(position)
        self.level = level
        self.position = Int64(position)
        self.hash = hash
    }
}

/// The log's compact range and its newest signed checkpoint, so that an append never rereads history.
final class LedgerTreeState: Model, @unchecked Sendable {
    static let schema = "ledger_tree_state"
    static let singletonID = 1

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "size") var size: Int64
    /// Peak hashes in hex, largest subtree first, comma-separated.
    @Field(key: "peaks") var peaks: String
    /// The newest checkpoint as a signed note, signed by the log.
    @Field(key: "checkpoint") var checkpoint: String

    init() {}
}

/// An independent witness whose cosignatures the ledger publishes.
final class LedgerWitnessRecord: Model, @unchecked Sendable {
    static let schema = "ledger_witnesses"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The C2SP verifier key, type 0x04 (cosignature/v1).
    @Field(key: "verifier_key") var verifierKey: String
    @Field(key: "registered_at") var registeredAt: Date

    init() {}
}

/// A witness's cosignature of the checkpoint at one tree size.
final class LedgerCosignatureRecord: Model, @unchecked Sendable {
    static let schema = "ledger_cosignatures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "witness_id") var witness: LedgerWitnessRecord
    @Field(key: "tree_size") var treeSize: Int64
    /// The signature line as the witness wrote it, without its newline.
    @Field(key: "signature_line") var signatureLine: String
    /// The cosignature's own timestamp, seconds since the Epoch.
    @Field(key: "cosigned_at") var cosignedAt: Int64

    init() {}
}
