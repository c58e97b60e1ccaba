import ExchangeCore
import Vapor

/// The routes `NotificationController` answers.
enum NotificationRoute: String, Endpoint {
    case list
    case readAll
    case read

    var spec: EndpointSpec {
        switch self {
        case .list: .get("notifications", .signedIn)
        case .readAll: .post("notifications/read-all", .signedIn)
        case .read: .post("notifications/:id/read", .signedIn)
        }
    }
}
