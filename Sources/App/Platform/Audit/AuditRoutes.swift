import ExchangeCore
import Vapor

/// The routes `APIAuditController` answers.
enum APIAuditRoute: String, APIEndpoint {
    case publicKey
    case checkpoint
    case inclusion
    case consistency
    case entries

    var spec: EndpointSpec {
        switch self {
        case .publicKey: .get("audit/public-key", .open)
        case .checkpoint: .get("audit/checkpoint", .open)
        case .inclusion: .get("audit/proofs/inclusion", .open)
        case .consistency: .get("audit/proofs/consistency", .open)
        case .entries: .get("audit/entries", .programmeStaff)
        }
    }

    var operation: APIOperation {
        switch self {
        case .publicKey: APIOperation("getAuditPublicKey", "The Ed25519 key that signs checkpoints", answer: .json(APIAuditController.PublicKeyDTO.self))
        case .checkpoint: APIOperation("getAuditCheckpoint", "The latest signed checkpoint, or the one at treeSize (at least 1)",
                                       query: [.integer("treeSize", minimum: 1)], answer: .json(APIAuditController.CheckpointDTO.self))
        case .inclusion: APIOperation("getInclusionProof", "RFC 9162 inclusion proof of a leaf in the tree of a given size",
                                      query: [.integer("leafIndex", required: true), .integer("treeSize", minimum: 1, required: true)],
                                      answer: .json(APIAuditController.InclusionDTO.self))
        case .consistency: APIOperation("getConsistencyProof", "RFC 9162 consistency proof between two tree sizes (first ≥ 1)",
                                        query: [.integer("first", minimum: 1, required: true), .integer("second", minimum: 1, required: true)],
                                        answer: .json(APIAuditController.ConsistencyDTO.self))
        case .entries: APIOperation("listAuditEntries", "Entries with sequence in [start, end) (programme staff)",
                                    query: [.integer("start"), .integer("end", minimum: 1)], answer: .page(of: APIAuditController.EntryDTO.self))
        }
    }
}

/// The routes `AuditPageController` answers.
enum AuditPageRoute: String, Endpoint {
    case list

    var spec: EndpointSpec {
        switch self {
        case .list: .get("audit", .programmeStaff)
        }
    }

    /// The audit log filtered to one subject: every page's "history" link.
    static func history(of subjectType: String, _ id: UUID) -> String {
        list.link(query: [URLQueryItem(name: "subjectType", value: subjectType), URLQueryItem(name: "subjectID", value: id.pathSegment)])
    }
}
