import Vapor

/// One log line per request with the route's pattern, never its concrete path or query
/// (those can carry tokens or personal data). Vapor's logger adds the request id.
struct RequestLogMiddleware: AsyncMiddleware {
    let metrics: PlatformMetrics

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            log(request, status: 500, started: started)
            throw error
        }
        log(request, status: response.status.code, started: started)
        return response
    }

    private func log(_ request: Request, status: UInt, started: ContinuousClock.Instant) {
        let pattern = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(unmatched)"
        let elapsed = ContinuousClock.now - started
        let millis = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info("\(request.method) \(pattern) \(status)", metadata: ["duration_ms": "\(Int(millis))"])
        metrics.countRequest(method: request.method.rawValue, route: pattern, status: status)
    }
}

/// Headers every response carries: no framing, no sniffing, no referrer (links can carry one-time tokens),
/// and a content policy that allows only the platform's own files.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value:
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        if response.headers.first(name: .cacheControl) == nil, !request.url.path.hasPrefix("/css/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
