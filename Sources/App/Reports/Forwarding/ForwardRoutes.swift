import ExchangeCore
import Vapor

/// Forwarding a redacted copy of a report, and reading one. Under /received-reports, where the reader's open key
/// (`ReaderKeyCookie`) is sent, and nowhere else.
enum ForwardRoute: String, Endpoint {
    case form
    case send
    case show

    var spec: EndpointSpec {
        switch self {
        case .form: .get("received-reports/:id/forward", .signedIn)
        case .send: .post("received-reports/:id/forward", .signedIn)
        case .show: .get("received-reports/forwarded/:id", .signedIn)
        }
    }
}
