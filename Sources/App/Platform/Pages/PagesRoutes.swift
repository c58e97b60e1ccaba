import ExchangeCore
import Vapor

/// The routes `HomeController` answers.
enum HomeRoute: String, Endpoint {
    case home

    var spec: EndpointSpec {
        switch self {
        case .home: .get("", .open)
        }
    }
}
