import ExchangeCore
import Fluent
import Vapor

/// Administrators read the stored mail outbox (every message, whatever the transport).
struct OutboxController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(OutboxRoute.list, use: list)
        routes.on(OutboxRoute.show, use: show)
    }

    struct Row: Encodable {
        let id: String
        let recipient: String
        let subject: String
        let status: String
        let created: String
        let body: String?
    }

    struct ListPage: Encodable {
        let messages: [Row]
        let hasMessages: Bool
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .mailOutbox)
        let messages = try await MailMessage.query(on: req.db).sort(\.$createdAt, .descending).limit(200).all().map { try row($0, req, body: false) }
        return try await req.page("outbox", title: "outbox.title", ListPage(messages: messages, hasMessages: !messages.isEmpty))
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.read, .mailOutbox)
        guard let message = try await MailMessage.find(try req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        return try await req.page("outbox_message", title: "outbox.message_title", row(message, req, body: true))
    }

    private func row(_ m: MailMessage, _ req: Request, body: Bool) throws -> Row {
        try Row(id: m.requireID().uuidString.lowercased(), recipient: m.recipient, subject: m.subject, status: req.t("mail.status.\(m.status.rawValue)"),
            created: m.createdAt.formatted(.iso8601), body: body ? m.body : nil)
    }
}
