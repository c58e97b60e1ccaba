import ExchangeCore
import Fluent
import Vapor

/// Administrators read the stored mail outbox (every message, whatever the transport).
struct OutboxController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(OutboxRoute.list, use: list)
        routes.on(OutboxRoute.show, use: show)
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .mailOutbox)
        return try await req.page(try OutboxPage(messages: try await MailMessage.query(on: req.db).sort(\.$createdAt, .descending).limit(200).all(), text: req))
    }

    @Sendable func show(req: Request) async throws -> View {
        let message = try await req.load(MailMessage.self, for: .read)
        return try await req.page(try OutboxMessagePage(message, withBody: true, text: req))
    }
}
