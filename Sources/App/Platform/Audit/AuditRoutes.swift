import ExchangeCore
import Vapor

/// The routes `APIAuditController` answers.
enum APIAuditRoute: String, Endpoint {
    static let area = EndpointArea.api

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
}

/// The routes `AuditPageController` answers.
enum AuditPageRoute: String, Endpoint {
    case list

    var spec: EndpointSpec {
        switch self {
        case .list: .get("audit", .programmeStaff)
        }
    }
}
