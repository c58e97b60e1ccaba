import ExchangeCore
import Vapor

/// Custodians decide readers' requests to see a sealed identity; readers ask from the report's page.
enum IdentityRoute: String, Endpoint {
    case list
    case decide
    case request

    var spec: EndpointSpec {
        switch self {
        case .list: .get("identity-requests", .roles([.administrator]))
        case .decide: .post("identity-requests/:id/decision", .roles([.administrator]))
        case .request: .post("received-reports/:id/identity-request", .signedIn)
        }
    }
}
