/// Why the ledger will not append an entry. The entry is not logged and the tree does not grow.
public enum LedgerRefusal: Error, Sendable, Equatable {
    /// The event fails its schema at this JSON Pointer.
    case schema(pointer: String, problem: String)
    case unsigned
    case badSignature
    case keyUnknown
    case keyRevoked
    case procurementUnknown
    case procurementExists
    /// Only the tender's buyer signs its tender, award, contract and amendments.
    case notBuyer
    /// A bid or reveal is signed by the bidding company itself.
    case notSupplier
    case afterDeadline
    case beforeDeadline
    case duplicateBid
    case noCommitment
    case revealMismatch
    case duplicateReveal
    /// The tender is gated and the company has not disclosed its beneficial owners.
    case notDisclosed
    case notRevealed
    case alreadyAwarded
    case notAwarded
    case noContract
    case tooLarge

    public var code: String {
        switch self {
        case .schema: "schema"
        case .unsigned: "unsigned"
        case .badSignature: "bad_signature"
        case .keyUnknown: "key_unknown"
        case .keyRevoked: "key_revoked"
        case .procurementUnknown: "procurement_unknown"
        case .procurementExists: "procurement_exists"
        case .notBuyer: "not_buyer"
        case .notSupplier: "not_supplier"
        case .afterDeadline: "after_deadline"
        case .beforeDeadline: "before_deadline"
        case .duplicateBid: "duplicate_bid"
        case .noCommitment: "no_commitment"
        case .revealMismatch: "reveal_mismatch"
        case .duplicateReveal: "duplicate_reveal"
        case .notDisclosed: "not_disclosed"
        case .notRevealed: "not_revealed"
        case .alreadyAwarded: "already_awarded"
        case .notAwarded: "not_awarded"
        case .noContract: "no_contract"
        case .tooLarge: "too_large"
        }
    }

    public static let codes = ["schema", "unsigned", "bad_signature", "key_unknown", "key_revoked", "procurement_unknown",
                               "procurement_exists", "not_buyer", "not_supplier", "after_deadline", "before_deadline",
                               "duplicate_bid", "no_commitment", "reveal_mismatch", "duplicate_reveal", "not_disclosed",
                               "not_revealed", "already_awarded", "not_awarded", "no_contract", "too_large"]

    /// 422 for content, 403 for who signed, 409 for what the ledger already holds or the time.
    public var httpStatus: Int {
        switch self {
        case .schema, .revealMismatch, .tooLarge: 422
        case .unsigned, .badSignature, .keyUnknown, .keyRevoked, .notBuyer, .notSupplier, .notDisclosed: 403
        case .procurementUnknown: 404
        default: 409
        }
    }
}
