import ExchangeCore
import Vapor

/// The routes `JobsController` answers.
enum JobsRoute: String, Endpoint {
    case list
    case retry

    var spec: EndpointSpec {
        switch self {
        case .list: .get("jobs", .administrators)
        case .retry: .post("jobs/:id/retry", .administrators)
        }
    }
}
