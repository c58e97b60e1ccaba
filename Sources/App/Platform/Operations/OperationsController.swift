import Fluent
import SQLKit
import Vapor

/// Liveness with a database round trip, and Prometheus metrics.
struct OperationsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(OperationsRoute.health, use: health)
        routes.on(OperationsRoute.metrics, use: metrics)
    }

    @Sendable func health(req: Request) async throws -> Response {
        do {
            // A plain statement: a model query would reflect over the model's fields on every probe.
            try await req.db.sql.raw("SELECT 1").run()
            return Response(status: .ok, body: .init(string: "ok\n"))
        } catch {
            req.logger.error("health check: database unreachable")
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
        }
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        let size = try await AuditLogReader(db: req.db).size()
        req.application.metrics.setAuditSize(size)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.application.metrics.exposition()))
    }
}
