import ExchangeCore
import SecureReporting
import Vapor

/// The OpenAPI 3.1 description of /api/v1, built from the route table: each API route's row gives its method, path,
/// access rule and body handling, its `operation` gives the summary and the Swift types of its body and answer, and
/// the schemas are derived from those types. Nothing here is written twice.
enum OpenAPIDocument {
    static let tables: [any APIEndpoint.Type] = RouteTable.tables.compactMap { $0 as? any APIEndpoint.Type }

    static func build(serverURL: String) throws -> OpenAPIValue {
        var components = SchemaComponents()
        var paths: [(String, [(String, OpenAPIValue)])] = []
        for table in tables {
            for (path, method, operation) in try table.describedOperations(into: &components) {
                if let index = paths.firstIndex(where: { $0.0 == path }) {
                    paths[index].1.append((method, operation))
                } else {
                    paths.append((path, [(method, operation)]))
                }
            }
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Integrity Exchange API",
                "version": "1.0.0",
                "description": "Personal API tokens (Authorization: Bearer ixp_…) act with their owner's role. Errors share one shape. A method an address does not take answers 405 with Allow.",
            ],
            "servers": [["url": .string(serverURL + "/api/v1")]],
            "security": [["bearer": []]],
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "parameters": ["IdempotencyKey": [
                    "name": .string(IdempotencyMiddleware.header), "in": "header", "required": false,
                    "description": "Any string the client chooses; a retry with the same key and request within 24 hours gets the first response again",
                    "schema": ["type": "string", "minLength": 1, "maxLength": 200],
                ]],
                "schemas": .object(try components.schemas(adding: ErrorResponseMiddleware.Body.self, as: "Error")),
                "responses": [
                    "Error": ["description": "An error", "content": ["application/json": ["schema": SchemaComponents.ref("Error")]]],
                    "Open311Error": ["description": "An error as GeoReport v2 lists them", "content": [
                        "application/json": ["schema": ["type": "array", "items": SchemaComponents.ref("GeoReportError")]],
                        "text/xml": ["schema": ["type": "string"]],
                    ]],
                ],
            ],
        ]
    }
}

private extension APIEndpoint {
    static func describedOperations(into components: inout SchemaComponents) throws -> [(path: String, method: String, operation: OpenAPIValue)] {
        try allCases.map { endpoint in
            (endpoint.documentedPath, endpoint.spec.method.rawValue.lowercased(), try endpoint.describe(into: &components))
        }
    }

    func describe(into components: inout SchemaComponents) throws -> OpenAPIValue {
        let operation = self.operation
        var fields: [(String, OpenAPIValue)] = [("operationId", .string(operation.id)), ("summary", .string(operation.summary))]
        let idempotent = spec.method == .POST && !spec.cookieless && !spec.answersSecret
        let parameters = pathParameters(operation) + operation.query.map(\.described) + (idempotent ? [["$ref": "#/components/parameters/IdempotencyKey"]] : [])
        if !parameters.isEmpty { fields.append(("parameters", .array(parameters))) }
        if let body = operation.body { fields.append(("requestBody", ["required": true, "content": try body.content(&components)])) }
        if spec.access == .open { fields.append(("security", [])) }
        var responses: [(String, OpenAPIValue)] = [(String(operation.status.code), try operation.answer.response(&components))]
        let error: OpenAPIValue = spec.errors == .open311 ? ["$ref": "#/components/responses/Open311Error"] : ["$ref": "#/components/responses/Error"]
        if spec.errors == .open311 { _ = try components.ref(GeoReport.Error.self) }
        responses += errorStatuses(operation).map { (String($0), error) }
        fields.append(("responses", .object(responses)))
        return .object(fields)
    }

    var parameterNames: [String] { spec.pattern.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) } }

    func pathParameters(_ operation: APIOperation) -> [OpenAPIValue] {
        parameterNames.map { name in
            ["name": .string(name), "in": "path", "required": true,
             "schema": operation.pathParameters[name] ?? .uuid]
        }
    }

    /// What can go wrong, read from the row: who may call it, whether it names an object, whether it changes or reads a body.
    func errorStatuses(_ operation: APIOperation) -> [Int] {
        let changes = spec.method != .GET
        var statuses = [400]
        if spec.access != .open { statuses += [401, 403] } else if operation.signedByBody { statuses.append(403) }
        if !parameterNames.isEmpty || !operation.query.isEmpty || operation.findsByBody { statuses.append(404) }
        if changes { statuses += [409, 413] }
        if operation.body != nil { statuses.append(415) }
        if changes || !operation.query.isEmpty || !parameterNames.isEmpty { statuses.append(422) }
        if changes && spec.cookieless { statuses.append(429) }
        return statuses
    }
}

private extension APIOperation.Body {
    func content(_ components: inout SchemaComponents) throws -> OpenAPIValue {
        switch self {
        case .json(let type):
            return ["application/json": ["schema": try components.ref(type)]]
        case .form(let type):
            return ["application/x-www-form-urlencoded": ["schema": try components.ref(type)]]
        case .file(let json, let mediaTypes):
            var content: [(String, OpenAPIValue)] = []
            if let json { content.append(("application/json", ["schema": try components.ref(json)])) }
            content += mediaTypes.map { ($0, ["schema": ["type": "string", "format": "binary"]]) }
            return .object(content)
        }
    }
}

private extension APIOperation.Answer {
    func response(_ components: inout SchemaComponents) throws -> OpenAPIValue {
        switch self {
        case .json(let type): return json(try components.ref(type))
        case .list(let type): return json(["type": "array", "items": try components.ref(type)])
        case .page(let type):
            return json(["type": "object", "required": ["items", "page", "perPage", "total"], "properties": [
                "items": ["type": "array", "items": try components.ref(type)],
                "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"],
            ]])
        case .file(let mediaTypes):
            return ["description": "The file", "content": .object(mediaTypes.map { ($0, ["schema": ["type": "string", "format": "binary"]]) })]
        case .empty:
            return ["description": "Done"]
        }
    }

    private func json(_ schema: OpenAPIValue) -> OpenAPIValue {
        ["description": "Success", "content": ["application/json": ["schema": schema]]]
    }
}

private extension QueryParameter {
    var described: OpenAPIValue { ["name": .string(name), "in": "query", "required": .bool(required), "schema": schema] }
}

/// The named schemas of the document, one per Swift type, derived once each.
struct SchemaComponents {
    private var named: [(name: String, schema: OpenAPIValue)] = []
    private var names: [ObjectIdentifier: String] = [:]

    static func ref(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/\(name)")] }

    mutating func ref(_ type: any Decodable.Type) throws -> OpenAPIValue {
        if let name = names[ObjectIdentifier(type)] { return Self.ref(name) }
        let name = Self.name(of: type)
        precondition(!named.contains { $0.name == name }, "two API types are both named \(name)")
        named.append((name, try Self.derive(type)))
        names[ObjectIdentifier(type)] = name
        return Self.ref(name)
    }

    func schemas(adding type: any Decodable.Type, as name: String) throws -> [(String, OpenAPIValue)] {
        [(name, try Self.derive(type))] + named.map { ($0.name, $0.schema) }
    }

    private static func derive<T: Decodable>(_ type: T.Type) throws -> OpenAPIValue { try SchemaDerivation.describe(type).schema }

    /// `NeedDTO` is "Need"; a type nested in a controller takes the controller's subject: `APIWorkController.Input`
    /// is "WorkInput", `APIMatchingController.RunDTO` is "MatchingRun".
    static func name(of type: any Decodable.Type) -> String {
        let parts = String(reflecting: type).split(separator: ".").map(String.init).dropFirst()
        let last = parts.last.map { $0.hasSuffix("DTO") ? String($0.dropLast(3)) : $0 } ?? "Value"
        guard parts.count > 1, let owner = parts.dropLast().last else { return last }
        var subject = owner
        for affix in ["API", "Controller", "DTO"] { subject = subject.replacingOccurrences(of: affix, with: "") }
        if subject.hasSuffix(last) { return subject }
        let singular = subject.hasSuffix("s") ? String(subject.dropLast()) : subject
        return last.hasPrefix(singular) ? last : subject + last
    }
}
