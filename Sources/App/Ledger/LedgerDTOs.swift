import AuditLog
import Foundation
import ProcurementLedger
import Vapor

/// A signed event to append. `event` is the event's JSON text exactly as it was signed.
struct LedgerSubmissionInput: Content {
    let organisation: UUID
    /// The key's id: 16 hex digits, the first 8 bytes of SHA-256 of the raw public key.
    let keyID: String
    /// Ed25519 over "integrity-exchange/ledger/event/v1\n" followed by the event's bytes, in base64.
    let signature: String
    let event: String
}

struct LedgerReceiptDTO: Content {
    let index: Int
    let leafHash: String
    let loggedAt: String
    /// The checkpoint just after this entry, as a C2SP signed note.
    let checkpoint: String
    /// RFC 9162 inclusion proof of the entry in that checkpoint, hex, lowest level first.
    let inclusionProof: [String]

    init(_ receipt: LedgerReceipt) {
        index = Int(receipt.index)
        leafHash = receipt.leafHash.hex
        loggedAt = Instant.format(receipt.loggedMs)
        checkpoint = receipt.checkpoint.serialized
        inclusionProof = receipt.inclusionProof.map(\.hex)
    }
}

struct LedgerEntryDTO: Content {
    let index: Int
    let procurement: String
    let kind: String
    /// Lower case, as the signed entry names it.
    let organisation: String
    let keyID: String
    let loggedAt: String
    let leafHash: String
    /// The event's JSON text as signed.
    let event: String
    /// The whole leaf, base64: what is hashed into the tree.
    let entry: String
    let treeSize: Int?
    let inclusionProof: [String]?

    init(_ record: LedgerEntryRecord, treeSize: UInt64? = nil, proof: [TreeHash]? = nil) {
        index = Int(record.id ?? 0)
        procurement = record.procurement
        kind = record.kind
        organisation = record.$organisation.id.lowercased
        keyID = record.keyID
        loggedAt = Instant.format(record.loggedMs)
        leafHash = record.leafHash
        event = LedgerEntry(bytes: Array(record.body)).map { String(decoding: $0.event, as: UTF8.self) } ?? ""
        entry = record.body.base64EncodedString()
        self.treeSize = treeSize.map(Int.init)
        inclusionProof = proof?.map(\.hex)
    }
}

struct LedgerProcurementDTO: Content {
    let procurement: String
    let title: String
    /// Lower case, as the signed events name it.
    let buyer: String
    let deadline: String
    let incentive: String
    let bids: Int
    let opened: Int
    let awardedTo: String?
    let events: [LedgerEntryDTO]
}

struct LedgerKeyInput: Content {
    let organisation: UUID
    /// The raw 32-byte Ed25519 public key, base64.
    let publicKey: String
}

struct LedgerKeyRevocationInput: Content {
    let organisation: UUID
}

struct LedgerKeyDTO: Content {
    let keyID: String
    /// Lower case, as signed entries name it.
    let organisation: String
    let publicKey: String
    let registeredAt: Date
    let revokedAt: Date?

    init(_ record: LedgerKeyRecord) {
        keyID = record.keyID
        organisation = record.$organisation.id.lowercased
        publicKey = record.publicKey
        registeredAt = record.registeredAt
        revokedAt = record.revokedAt
    }
}

struct LedgerWitnessInput: Content {
    let verifierKey: String
}

struct LedgerWitnessDTO: Content {
    let name: String
    let verifierKey: String

    init(_ record: LedgerWitnessRecord) {
        name = record.name
        verifierKey = record.verifierKey
    }
}

struct LedgerCosignatureResultDTO: Content {
    /// Cosignatures that were new.
    let added: Int
}
