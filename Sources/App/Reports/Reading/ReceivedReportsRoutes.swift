import ExchangeCore
import Vapor

/// A recipient's side of reporting: the reports wrapped for them, their key pair, and reading and asking.
enum ReceivedReportsRoute: String, Endpoint {
    case list
    case createKey
    case unlock
    case show
    case ask
    case status
    case retention
    case recuse
    case file

    var spec: EndpointSpec {
        switch self {
        case .list: .get("received-reports", .signedIn)
        case .createKey: .post("received-reports/key", .signedIn)
        case .unlock: .post("received-reports/unlock", .signedIn)
        case .show: .get("received-reports/:id", .signedIn)
        case .ask: .post("received-reports/:id/messages", .signedIn)
        case .status: .post("received-reports/:id/status", .signedIn)
        case .retention: .post("received-reports/:id/retention", .signedIn)
        case .recuse: .post("received-reports/:id/recuse", .signedIn)
        case .file: .get("received-reports/:id/files/:file", .signedIn)
        }
    }
}
