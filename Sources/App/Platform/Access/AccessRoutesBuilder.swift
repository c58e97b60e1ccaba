import ExchangeCore
import Vapor

/// The key under which every route carries its `RouteAccess`.
struct RouteAccessKey: Hashable, Sendable {}

/// A routes builder that stamps an access rule on every route registered through it.
struct AccessRoutesBuilder: RoutesBuilder {
    let root: RoutesBuilder
    let access: RouteAccess

    func add(_ route: Route) {
        route.userInfo[AnySendableHashable(RouteAccessKey())] = access
        root.add(route)
    }
}

extension RoutesBuilder {
    func grouped(access: RouteAccess) -> RoutesBuilder {
        AccessRoutesBuilder(root: self, access: access)
    }
}

extension Route {
    var access: RouteAccess? {
        userInfo[AnySendableHashable(RouteAccessKey())] as? RouteAccess
    }
}

/// The key under which a route records how large a body it accepts, for middleware that must read the body first.
struct BodyLimitKey: Hashable, Sendable {}

extension Route {
    var bodyLimit: ByteCount? {
        userInfo[AnySendableHashable(BodyLimitKey())] as? ByteCount
    }
}

extension RoutesBuilder {
    /// A POST route that accepts bodies up to `limit`, recording the limit on the route.
    @discardableResult
    func post<Response: AsyncResponseEncodable & Sendable>(
        _ path: PathComponent..., upTo limit: ByteCount, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.POST, path, upTo: limit, use: handler)
    }

    /// A PUT route that accepts bodies up to `limit`, recording the limit on the route.
    @discardableResult
    func put<Response: AsyncResponseEncodable & Sendable>(
        _ path: PathComponent..., upTo limit: ByteCount, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.PUT, path, upTo: limit, use: handler)
    }

    private func on<Response: AsyncResponseEncodable & Sendable>(
        _ method: HTTPMethod, _ path: [PathComponent], upTo limit: ByteCount, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(method, path, body: .collect(maxSize: limit), use: handler)
        route.userInfo[AnySendableHashable(BodyLimitKey())] = limit
        return route
    }
}

/// The key under which a route records that its body streams to the handler.
struct StreamedBodyKey: Hashable, Sendable {}

extension Route {
    /// The body is read by the handler as it arrives (uploads of any size): middleware must not collect it.
    var streamsBody: Bool {
        userInfo[AnySendableHashable(StreamedBodyKey())] as? Bool ?? false
    }
}

extension RoutesBuilder {
    /// A POST route whose body streams to its handler, which reads it with `StreamedUpload.receive`.
    @discardableResult
    func post<Response: AsyncResponseEncodable & Sendable>(
        _ path: PathComponent..., streaming handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path, body: .stream, use: handler)
        route.userInfo[AnySendableHashable(StreamedBodyKey())] = true
        return route
    }
}
