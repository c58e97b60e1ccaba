import ExchangeCore
import Fluent
import Vapor

/// Signs in the browser's user from the session, if the account is still active.
struct SessionUserMiddleware: AsyncMiddleware {
    static let userKey = "uid"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if !request.isAPI, request.hasSession, let raw = request.session.data[Self.userKey], let id = UUID(uuidString: raw) {
            if let user = try await User.activeAccount(id, on: request.db.sql) {
                request.auth.login(user)
            } else {
                request.session.data[Self.userKey] = nil
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    var hasSession: Bool { cookies[SessionSetup.cookieName] != nil }

    /// Starts a fresh session id for the user, so a session fixed before login is worthless.
    func startSession(for user: User) {
        let language = session.data[LanguageMiddleware.sessionKey]
        session.id = nil
        session.data = SessionData()
        session.data[SessionUserMiddleware.userKey] = user.id?.uuidString
        session.data[LanguageMiddleware.sessionKey] = language
        auth.login(user)
    }

    func endSession() {
        auth.logout(User.self)
        session.destroy()
    }
}

enum SessionSetup {
    static let cookieName = "ix_session"
}
