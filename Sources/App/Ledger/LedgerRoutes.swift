import ExchangeCore
import Vapor

/// The ledger's public pages and its C2SP tiled-log read API (checkpoint, tiles, entry bundles).
enum LedgerRoute: String, Endpoint {
    case index
    case procurement
    case checkpoint
    case tile

    var spec: EndpointSpec {
        switch self {
        case .index: .get("ledger", .open)
        case .procurement: .get("ledger/procurements/:procurement", .open)
        case .checkpoint: .get("ledger/checkpoint", .open)
        case .tile: .get("ledger/tile/**", .open)
        }
    }
}

/// The ledger over JSON. Appending and cosigning are open: the signature, checked against a registered key, is the
/// credential, as in a transparency log.
enum APILedgerRoute: String, APIEndpoint {
    case append
    case entry
    case procurement
    case keys
    case registerKey
    case revokeKey
    case witnesses
    case registerWitness
    case cosign

    var spec: EndpointSpec {
        switch self {
        case .append: .post("ledger/entries", .open, body: .upTo("128kb"))
        case .entry: .get("ledger/entries/:index", .open)
        case .procurement: .get("ledger/procurements/:procurement", .open)
        case .keys: .get("ledger/keys", .open)
        case .registerKey: .post("ledger/keys", .roles([.coordinator, .administrator, .publicParticipant, .expert]))
        case .revokeKey: .post("ledger/keys/:keyID/revoke", .roles([.coordinator, .administrator, .publicParticipant, .expert]))
        case .witnesses: .get("ledger/witnesses", .open)
        case .registerWitness: .post("ledger/witnesses", .administrators)
        case .cosign: .post("ledger/cosignatures", .open, body: .upTo("64kb"))
        }
    }

    var operation: APIOperation {
        switch self {
        case .append:
            APIOperation("appendLedgerEntry",
                         "Append a procurement event signed by an organisation's registered key (anyone holding one). The event is JSON text in `event`, signed as it stands; a refusal (4xx, code ledger_…) leaves the log as it was",
                         body: .json(LedgerSubmissionInput.self), answer: .json(LedgerReceiptDTO.self), status: .created,
                         findsByBody: true, signedByBody: true)
        case .entry:
            APIOperation("getLedgerEntry", "One entry with its inclusion proof in the newest checkpoint (anyone)",
                         path: ["index": ["type": "integer", "minimum": 0, "maximum": .int(Int.max)]], answer: .json(LedgerEntryDTO.self))
        case .procurement:
            APIOperation("getLedgerProcurement", "A procurement's events in order and what they add up to (anyone)",
                         path: ["procurement": ["type": "string", "minLength": 1, "maxLength": 100]], answer: .json(LedgerProcurementDTO.self))
        case .keys:
            APIOperation("listLedgerKeys", "Organisations' signing keys, revoked ones included, so that anyone can check every entry (anyone)",
                         query: [.text("organisation")], answer: .list(of: LedgerKeyDTO.self))
        case .registerKey:
            APIOperation("registerLedgerKey", "Register an Ed25519 public key for an organisation (its own people, or programme staff)",
                         body: .json(LedgerKeyInput.self), answer: .json(LedgerKeyDTO.self), status: .created, findsByBody: true)
        case .revokeKey:
            APIOperation("revokeLedgerKey", "Revoke a key: it signs nothing from now on (its organisation's people, or programme staff)",
                         path: ["keyID": ["type": "string", "minLength": 16, "maxLength": 16]], body: .json(LedgerKeyRevocationInput.self),
                         answer: .json(LedgerKeyDTO.self))
        case .witnesses:
            APIOperation("listLedgerWitnesses", "The witnesses whose cosignatures the ledger publishes, with their verifier keys (anyone)",
                         answer: .list(of: LedgerWitnessDTO.self))
        case .registerWitness:
            APIOperation("registerLedgerWitness", "Register a witness by its C2SP verifier key of type 0x04 (administrators)",
                         body: .json(LedgerWitnessInput.self), answer: .json(LedgerWitnessDTO.self), status: .created)
        case .cosign:
            APIOperation("addLedgerCosignature",
                         "A witness sends a checkpoint it cosigned, as a C2SP signed note; cosignatures by registered witnesses of a checkpoint the log signed are kept (the signature is the credential)",
                         body: .file(json: nil, mediaTypes: ["text/plain"]), answer: .json(LedgerCosignatureResultDTO.self), signedByBody: true)
        }
    }
}
