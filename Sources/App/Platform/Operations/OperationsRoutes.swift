import ExchangeCore
import Vapor

/// The routes `OperationsController` answers.
enum OperationsRoute: String, Endpoint {
    case health
    case metrics

    var spec: EndpointSpec {
        switch self {
        case .health: .get("healthz", .open)
        case .metrics: .get("metrics", .open)
        }
    }
}
