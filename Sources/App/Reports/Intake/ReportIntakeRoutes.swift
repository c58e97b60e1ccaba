import ExchangeCore
import Vapor

/// The reporting pages: open to anyone, served without cookies (`withoutCookies`), so nothing ties a report to a
/// browser session or a signed-in account.
enum ReportIntakeRoute: String, Endpoint {
    case contexts
    case form
    case submit
    case followUp
    case thread
    case reply

    var spec: EndpointSpec {
        switch self {
        case .contexts: EndpointSpec.get("reporting", .open).withoutCookies
        case .form: EndpointSpec.get("reporting/new/:key", .open).withoutCookies
        case .submit: EndpointSpec.post("reporting/new/:key", .open).withoutCookies
        case .followUp: EndpointSpec.get("reporting/follow-up", .open).withoutCookies
        case .thread: EndpointSpec.post("reporting/follow-up", .open).withoutCookies
        case .reply: EndpointSpec.post("reporting/follow-up/reply", .open, body: .upTo(ByteCount(value: ReportAttachment.bodyLimit))).withoutCookies
        }
    }
}
