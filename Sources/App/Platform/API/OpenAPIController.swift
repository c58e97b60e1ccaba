import Vapor

/// Serves the OpenAPI description. It is derived from the route table and the DTO types once, when the routes are
/// registered, and the same bytes answer every request (the derivation walks every API row's types).
struct OpenAPIController: RouteCollection {
    let body: Data

    init(serverURL: String) throws {
        body = try JSONEncoder().encode(OpenAPIDocument.build(serverURL: serverURL))
    }

    func boot(routes: RoutesBuilder) throws {
        routes.on(OpenAPIRoute.document, use: document)
    }

    @Sendable func document(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}
