import Fluent
import SQLKit
import Vapor

/// Signs in /api/v1 callers by personal API token. Browser sessions do not reach the API,
/// so API requests need no CSRF token.
struct BearerTokenMiddleware: AsyncMiddleware {
    let clock: WallClock

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.isAPI, let bearer = request.headers.bearerAuthorization {
            let user = try await signIn(SecretToken.digest(of: bearer.token), on: request.db.sql)
            request.auth.login(user)
        }
        return try await next.respond(to: request)
    }

    /// The token's active user, read in one query of plain columns; "last used" is written at most once a minute
    /// (it is shown to the minute, and writing it on every request would make each read a write).
    private func signIn(_ digest: String, on db: SQLDatabase) async throws -> User {
        let tokens = APIToken.schema
        guard let row = try await db.select()
            .column(SQLAlias(SQLColumn("id", table: tokens), as: SQLIdentifier("token_id")))
            .column(SQLColumn("last_used_at", table: tokens))
            .columns(User.qualifiedColumns)
            .from(tokens)
            .join(User.schema, on: SQLColumn("user_id", table: tokens), .equal, SQLColumn("id", table: User.schema))
            .where(SQLColumn("token_digest", table: tokens), .equal, SQLBind(digest))
            .where(SQLColumn("revoked_at", table: tokens), .is, SQLLiteral.null)
            .first()
        else { throw AppError.invalidToken }
        let user = try User(reading: row)
        guard user.status == .active else { throw AppError.invalidToken }
        let now = clock.now()
        if try row.decode(column: "last_used_at", as: Date?.self).map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try await db.update(tokens).set("last_used_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(try row.decode(column: "token_id", as: UUID.self))).run()
        }
        return user
    }
}
