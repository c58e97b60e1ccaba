import ExchangeCore
import Vapor

/// The complaint routing table over JSON, with the page's rules.
struct APIComplaintRoutingController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIComplaintRoutingRoute.list, use: list)
        routes.on(APIComplaintRoutingRoute.add, use: add)
        routes.on(APIComplaintRoutingRoute.remove, use: remove)
    }

    @Sendable func list(req: Request) async throws -> [ComplaintRouteDTO] {
        try await req.registry.complaintRouting.routes().map(ComplaintRouteDTO.init)
    }

    @Sendable func add(req: Request) async throws -> Response {
        let row = try req.content.decode(ComplaintRouteInput.self).row()
        let route = try await req.registry.complaintRouting.add(row, by: req.requireUser())
        return try await ComplaintRouteDTO(route).encodeResponse(status: .created, for: req)
    }

    @Sendable func remove(req: Request) async throws -> HTTPStatus {
        try await req.registry.complaintRouting.remove(req.uuidParameter(), by: req.requireUser())
        return .noContent
    }
}
