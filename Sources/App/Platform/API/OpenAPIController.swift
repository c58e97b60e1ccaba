import Vapor

struct OpenAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(OpenAPIRoute.document, use: document)
    }

    @Sendable func document(req: Request) async throws -> Response {
        let body = try JSONEncoder().encode(OpenAPIDocument.build(serverURL: req.application.configuration.baseURL))
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}
