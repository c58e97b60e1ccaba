import ExchangeCore
import Vapor

/// The routes `OpenAPIController` answers.
enum OpenAPIRoute: String, Endpoint {
    static let area = EndpointArea.api

    case document

    var spec: EndpointSpec {
        switch self {
        case .document: .get("openapi.json", .open)
        }
    }
}
