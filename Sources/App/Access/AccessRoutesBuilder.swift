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
