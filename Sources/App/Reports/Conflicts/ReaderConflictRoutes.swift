import ExchangeCore
import Vapor

/// A reader declares and withdraws the parties they must not handle reports about, from their received reports.
enum ReaderConflictRoute: String, Endpoint {
    case declare
    case withdraw

    var spec: EndpointSpec {
        switch self {
        case .declare: .post("received-reports/conflicts", .signedIn)
        case .withdraw: .post("received-reports/conflicts/:id/withdraw", .signedIn)
        }
    }
}
