import ExchangeCore
import Vapor

/// The routes `OutboxController` answers.
enum OutboxRoute: String, Endpoint {
    case list
    case show

    var spec: EndpointSpec {
        switch self {
        case .list: .get("outbox", .administrators)
        case .show: .get("outbox/:id", .administrators)
        }
    }
}
