import ExchangeCore
import Vapor

/// The keys under which a registered route carries its table row.
struct RouteAccessKey: Hashable, Sendable {}
struct BodyLimitKey: Hashable, Sendable {}
struct StreamedBodyKey: Hashable, Sendable {}
struct CookielessKey: Hashable, Sendable {}
struct EndpointNameKey: Hashable, Sendable {}
struct ErrorShapeKey: Hashable, Sendable {}
struct SecretAnswerKey: Hashable, Sendable {}

extension RoutesBuilder {
    /// Registers `endpoint` from the route table, stamping its access rule and body handling on the route.
    @discardableResult
    func on<E: Endpoint, Response: AsyncResponseEncodable & Sendable>(
        _ endpoint: E, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let spec = endpoint.spec
        let path = endpoint.components.map(PathComponent.init(stringLiteral:))
        let route: Route
        switch spec.body {
        case .collect:
            route = on(spec.method, path, use: handler)
        case .upTo(let limit):
            route = on(spec.method, path, body: .collect(maxSize: limit), use: handler)
            route.userInfo[AnySendableHashable(BodyLimitKey())] = limit
        case .streaming:
            route = on(spec.method, path, body: .stream, use: handler)
            route.userInfo[AnySendableHashable(StreamedBodyKey())] = true
        }
        route.userInfo[AnySendableHashable(RouteAccessKey())] = spec.access
        if spec.cookieless { route.userInfo[AnySendableHashable(CookielessKey())] = true }
        if spec.answersSecret { route.userInfo[AnySendableHashable(SecretAnswerKey())] = true }
        route.userInfo[AnySendableHashable(ErrorShapeKey())] = spec.errors
        route.userInfo[AnySendableHashable(EndpointNameKey())] = endpoint.name
        return route
    }
}

extension Route {
    var access: RouteAccess? { userInfo[AnySendableHashable(RouteAccessKey())] as? RouteAccess }

    /// The table row this route was registered from; nil for a route registered by hand.
    var endpointName: String? { userInfo[AnySendableHashable(EndpointNameKey())] as? String }

    var bodyLimit: ByteCount? { userInfo[AnySendableHashable(BodyLimitKey())] as? ByteCount }

    /// The body is read by the handler as it arrives (uploads of any size): middleware must not collect it.
    var streamsBody: Bool { userInfo[AnySendableHashable(StreamedBodyKey())] as? Bool ?? false }

    /// Served without cookies (`EndpointSpec.withoutCookies`).
    var isCookieless: Bool { userInfo[AnySendableHashable(CookielessKey())] as? Bool ?? false }

    /// Its answer is never kept (`EndpointSpec.answeringSecret`).
    var answersSecret: Bool { userInfo[AnySendableHashable(SecretAnswerKey())] as? Bool ?? false }

    /// How its errors are written (`EndpointSpec.errors`).
    var errorShape: EndpointSpec.ErrorShape { userInfo[AnySendableHashable(ErrorShapeKey())] as? EndpointSpec.ErrorShape ?? .platform }
}
