import Vapor

/// One log line per request with the route's pattern, never its concrete path or query
/// (those can carry tokens or personal data). Vapor's logger adds the request id.
/// Works on futures: it only observes, so it needs no task of its own.
struct RequestLogMiddleware: Middleware {
    let metrics: PlatformMetrics

    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        let started = ContinuousClock.now
        return next.respond(to: request)
            .map { response in
                log(request, status: response.status.code, started: started)
                return response
            }
            .flatMapErrorThrowing { error in
                log(request, status: 500, started: started)
                throw error
            }
    }

    private func log(_ request: Request, status: UInt, started: ContinuousClock.Instant) {
        let pattern = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(unmatched)"
        let elapsed = ContinuousClock.now - started
        let millis = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info("\(request.method) \(pattern) \(status)", metadata: ["duration_ms": "\(Int(millis))"])
        metrics.countRequest(method: request.method.rawValue, route: pattern, status: status)
    }
}
