import ExchangeCore
import Vapor

/// Applies each route's rule; a route that declares none is refused (default deny).
struct AccessGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let access = route.access else {
            request.logger.error("route has no access rule; refusing", metadata: ["route": "\(route.description)"])
            throw AppError.forbidden
        }
        switch access.evaluate(request.principal) {
        case .allowed:
            return try await next.respond(to: request)
        case .needsSignIn:
            if request.isAPI { throw AppError.unauthenticated }
            return request.redirect(to: SessionRoute.form.link(query: [URLQueryItem(name: "next", value: request.url.path)]))
        case .forbidden:
            throw AppError.forbidden
        }
    }
}

extension Request {
    var principal: Principal? { auth.get(User.self)?.principal }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// The signed-in user; the route's rule has already required one.
    func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw AppError.unauthenticated }
        return user
    }

    /// Object-level check through the one policy. Refusals become 403, or 404 where existence is sensitive.
    func authorize(_ operation: ExchangeCore.Operation, _ object: ProtectedObject) throws {
        guard let principal else { throw AppError.unauthenticated }
        switch AccessPolicy.decide(principal, operation, object) {
        case .allow: return
        case .forbid: throw AppError.forbidden
        case .hide: throw AppError.notFound
        }
    }
}
