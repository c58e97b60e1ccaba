import ExchangeCore
import Vapor

/// The routes `OpenAPIController` answers.
enum OpenAPIRoute: String, APIEndpoint {
    case document

    var spec: EndpointSpec {
        switch self {
        case .document: .get("openapi.json", .open)
        }
    }

    var operation: APIOperation {
        switch self {
        case .document: APIOperation("getOpenAPI", "This document", answer: .json(OpenAPIDescription.self))
        }
    }
}

/// The answer of `OpenAPIRoute.document`: this description, an OpenAPI 3.1 object.
struct OpenAPIDescription: Decodable, SchemaDescribing {
    static let jsonSchema: OpenAPIValue = ["type": "object", "required": ["openapi", "paths"]]
    static let schemaSample = OpenAPIDescription()
}
