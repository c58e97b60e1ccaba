import Vapor

/// Routes served without cookies (reporting) never see the browser's cookies, so no session or sign-in can be tied
/// to what is sent there, and never set one, so nothing in the browser shows that the page was used.
struct CookielessMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        guard request.route?.isCookieless == true else { return next.respond(to: request) }
        request.headers.remove(name: .cookie)
        return next.respond(to: request).map { response in
            response.headers.remove(name: .setCookie)
            return response
        }
    }
}
