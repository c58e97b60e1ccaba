/// The coarse rule stamped on every route. A route without one is refused (default deny).
public enum RouteAccess: Sendable, Equatable {
    /// Anyone, signed in or not.
    case open
    /// Any active, signed-in account.
    case signedIn
    /// Signed in with one of these roles.
    case roles(Set<Role>)

    public static let programmeStaff = RouteAccess.roles([.coordinator, .administrator])
    public static let administrators = RouteAccess.roles([.administrator])

    public enum Outcome: Equatable, Sendable {
        case allowed
        case needsSignIn
        case forbidden
    }

    public func evaluate(_ principal: Principal?) -> Outcome {
        switch self {
        case .open: return .allowed
        case .signedIn: return principal == nil ? .needsSignIn : .allowed
        case .roles(let roles):
            guard let principal else { return .needsSignIn }
            return roles.contains(principal.role) ? .allowed : .forbidden
        }
    }
}
