import Fluent
import Vapor

/// Signs in /api/v1 callers by personal API token. Browser sessions do not reach the API,
/// so API requests need no CSRF token.
struct BearerTokenMiddleware: AsyncMiddleware {
    let clock: WallClock

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.isAPI, let bearer = request.headers.bearerAuthorization {
            let digest = SecretToken.digest(of: bearer.token)
            guard let token = try await APIToken.query(on: request.db)
                .filter(\.$tokenDigest == digest).filter(\.$revokedAt == nil).with(\.$user).first(),
                token.user.status == .active
            else { throw AppError.invalidToken }
            request.auth.login(token.user)
            // "Last used" is shown to the minute; writing it on every request would make each read a write.
            let now = clock.now()
            if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
                token.lastUsedAt = now
                try await token.save(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}
