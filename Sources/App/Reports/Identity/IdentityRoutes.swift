import ExchangeCore
import Vapor

/// Custodians decide readers' requests to see a sealed identity; readers ask from the report's page.
enum IdentityRoute: String, Endpoint {
    case list
    case decide
    case request

    var spec: EndpointSpec {
        switch self {
        // Under /received-reports, where the custodian's open key (`ReaderKeyCookie`) is sent, and nowhere else.
        case .list: .get("received-reports/identity-requests", .administrators)
        case .decide: .post("received-reports/identity-requests/:id/decision", .administrators)
        case .request: .post("received-reports/:id/identity-request", .signedIn)
        }
    }
}
