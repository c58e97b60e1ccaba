import ExchangeCore
import SecureReporting
import Vapor

/// Open311 GeoReport v2 over the complaint subjects, at `/api/v1/open311/v2/`: the endpoint an existing civic-reporting
/// client is given. Open to anyone and served without cookies, like the reporting pages; each call in JSON and XML.
enum Open311Route: String, APIEndpoint {
    case servicesJSON
    case servicesXML
    case service
    case requestsJSON
    case requestsXML
    case createJSON
    case createXML
    case request

    var spec: EndpointSpec {
        let row: EndpointSpec = switch self {
        case .servicesJSON: .get("open311/v2/services.json", .open)
        case .servicesXML: .get("open311/v2/services.xml", .open)
        case .service: .get("open311/v2/services/:service", .open)
        case .requestsJSON: .get("open311/v2/requests.json", .open)
        case .requestsXML: .get("open311/v2/requests.xml", .open)
        case .createJSON: .post("open311/v2/requests.json", .open)
        case .createXML: .post("open311/v2/requests.xml", .open)
        case .request: .get("open311/v2/requests/:request", .open)
        }
        return row.withoutCookies.errors(.open311)
    }

    var operation: APIOperation {
        let xml = APIOperation.Answer.file(mediaTypes: ["text/xml"])
        let format: OpenAPIValue = ["type": "string", "pattern": "^[a-z0-9-]{1,64}\\.(json|xml)$"]
        let ids = [QueryParameter.text("service_request_id"), .text("jurisdiction_id")]
        return switch self {
        case .servicesJSON: APIOperation("open311Services", "Open311 GeoReport v2: the complaint subjects as services (anyone)",
                                         query: [.text("jurisdiction_id")], answer: .list(of: GeoReport.Service.self))
        case .servicesXML: APIOperation("open311ServicesXML", "The same in XML", query: [.text("jurisdiction_id")], answer: xml)
        case .service: APIOperation("open311ServiceDefinition",
                                    "A subject's questionnaire as attributes; the service code ends in .json or .xml (anyone)",
                                    query: [.text("jurisdiction_id")], path: ["service": format], answer: .json(GeoReport.ServiceDefinition.self))
        case .requestsJSON: APIOperation("open311Requests",
                                         "The status of the complaints whose ids are given, comma-separated; without ids, none, since single complaints are never listed (anyone)",
                                         query: ids, answer: .list(of: GeoReport.Request.self))
        case .requestsXML: APIOperation("open311RequestsXML", "The same in XML", query: ids, answer: xml)
        case .createJSON: APIOperation("open311CreateRequest",
                                       "Send a complaint: attribute[code] per question, description for the account; the notice carries the receipt to follow it (anyone)",
                                       body: .form(Open311RequestForm.self), answer: .list(of: GeoReport.Created.self), status: .created)
        case .createXML: APIOperation("open311CreateRequestXML", "The same in XML", body: .form(Open311RequestForm.self), answer: xml, status: .created)
        case .request: APIOperation("open311Request", "One complaint's status; the id ends in .json or .xml (anyone)",
                                    query: [.text("jurisdiction_id")],
                                    path: ["request": ["type": "string", "pattern": "^[0-9a-f-]{36}\\.(json|xml)$"]],
                                    answer: .list(of: GeoReport.Request.self))
        }
    }

}

/// What `POST requests` documents. The body is read as name–value pairs (`attribute[code]` repeats); `email`, when it
/// is an address, is sealed with the complaint for status updates, and the other fields GeoReport allows are
/// accepted and never kept.
struct Open311RequestForm: Decodable {
    let serviceCode: String
    let description: String?
    let jurisdictionID: String?
    let lat: Double?
    let long: Double?
    let addressString: String?
    let email: String?
    let firstName: String?
    let lastName: String?
    let phone: String?

    enum CodingKeys: String, CodingKey {
        case serviceCode = "service_code", description, jurisdictionID = "jurisdiction_id", lat, long, addressString = "address_string", email
        case firstName = "first_name", lastName = "last_name", phone
    }
}
