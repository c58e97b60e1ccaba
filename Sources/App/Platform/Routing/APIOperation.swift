import Vapor

/// A route of the JSON API: its row of the table, and what the API description says about it beyond the method,
/// the path and the access rule that the row gives.
protocol APIEndpoint: Endpoint {
    var operation: APIOperation { get }
}

extension APIEndpoint {
    static var area: EndpointArea { .api }
}

/// One operation of the API description, written next to its route. Schemas come from the Swift types that decode
/// its body and encode its answer; the error statuses come from the route's rule, parameters and body.
struct APIOperation {
    /// What the request carries.
    enum Body {
        case json(any Decodable.Type)
        /// Fields of an HTML form (`application/x-www-form-urlencoded`), as this type names them.
        case form(any Decodable.Type)
        /// The file as the raw body, in one of these media types, or (when `json` is set) small text in JSON.
        case file(json: (any Decodable.Type)?, mediaTypes: [String])
    }

    /// What a success answers.
    enum Answer {
        case json(any Decodable.Type)
        case list(of: any Decodable.Type)
        /// One page of a long list: `items`, `page`, `perPage`, `total`.
        case page(of: any Decodable.Type)
        case file(mediaTypes: [String])
        /// No body.
        case empty
    }

    let id: String
    let summary: String
    let query: [QueryParameter]
    /// Path parameters that are not ids, by name.
    let pathParameters: [String: OpenAPIValue]
    let body: Body?
    let answer: Answer
    let status: HTTPResponseStatus
    /// The body names something that may not be found (a receipt), so 404 is an answer even without path parameters.
    var findsByBody = false
    /// The body carries its own credential (a signature checked against a registered key), so an open route may
    /// still answer 403.
    var signedByBody = false

    init(_ id: String, _ summary: String, query: [QueryParameter] = [], path pathParameters: [String: OpenAPIValue] = [:],
         body: Body? = nil, answer: Answer, status: HTTPResponseStatus = .ok, findsByBody: Bool = false, signedByBody: Bool = false) {
        self.findsByBody = findsByBody
        self.signedByBody = signedByBody
        self.id = id
        self.summary = summary
        self.query = query
        self.pathParameters = pathParameters
        self.body = body
        self.answer = answer
        self.status = status
    }
}

/// A query parameter and its schema.
struct QueryParameter {
    let name: String
    let schema: OpenAPIValue
    var required = false

    static func text(_ name: String, required: Bool = false) -> Self { .init(name: name, schema: ["type": "string"], required: required) }

    static func integer(_ name: String, minimum: Int = 0, required: Bool = false) -> Self {
        .init(name: name, schema: ["type": "integer", "format": "int64", "minimum": .int(minimum), "maximum": .int(Int.max)], required: required)
    }

    static func boolean(_ name: String) -> Self { .init(name: name, schema: ["type": "boolean"]) }

    static func oneOf<E: CaseIterable & RawRepresentable<String>>(_ name: String, _ type: E.Type) -> Self {
        .init(name: name, schema: .enumeration(of: type))
    }

    /// `page` and `perPage`, as every long list takes them.
    static let pages: [Self] = [
        .init(name: "page", schema: ["type": "integer", "minimum": 1, "maximum": .int(Pager.lastPage)]),
        .init(name: "perPage", schema: ["type": "integer", "minimum": 1, "maximum": .int(PageRequest.maximum)]),
    ]
}

extension OpenAPIValue {
    /// A whole number as Swift reads it: one that does not fit 64 bits is refused as unreadable.
    static let int64: Self = ["type": "integer", "format": "int64", "minimum": .int(Int.min), "maximum": .int(Int.max)]

    /// An id as Swift reads it. The pattern says it too, since OpenAPI 3.0 leaves the `uuid` format unchecked and a
    /// client that trusts the format alone could send "" and be refused as unreadable.
    static let uuid: Self = ["type": "string", "format": "uuid",
                             "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"]

    static func enumeration<E: CaseIterable & RawRepresentable<String>>(of type: E.Type) -> Self {
        ["type": "string", "enum": .array(type.allCases.map { .string($0.rawValue) })]
    }
}
