import ExchangeCore
import Fluent
import Vapor

/// In-app notifications, newest first, with unread ones marked.
struct NotificationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(NotificationRoute.list, use: list)
        routes.on(NotificationRoute.readAll, use: readAll)
        routes.on(NotificationRoute.read, use: read)
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let notifications = try await UserNotification.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).limit(100).all()
        return try await req.page(try NotificationListPage(notifications: notifications, text: req))
    }

    @Sendable func read(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        guard let notification = try await UserNotification.find(id, on: req.db) else { throw AppError.notFound }
        try req.authorize(.update, .notification(ownerID: notification.$user.id))
        _ = try await req.auditedIfChanged { scope in
            // Marked by a conditional update: of two clicks (or tabs), one marks it and is recorded.
            guard try await UserNotification.markRead([id], at: req.application.clock.now(), on: scope.db) > 0 else {
                throw AuditLogService.NothingToChange()
            }
            try await scope.record(.notificationRead, .notification(id))
        }
        return req.redirect(to: notification.link.map { LanguageController.safeReturn($0) } ?? NotificationRoute.list.link())
    }

    @Sendable func readAll(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await req.auditedIfChanged { scope in
            // Read inside the transaction, so two clicks record each notification once.
            let unread = try await UserNotification.query(on: scope.db).filter(\.$user.$id == user.requireID()).filter(\.$readAt == nil).all(\.$id)
            guard try await UserNotification.markRead(unread, at: req.application.clock.now(), on: scope.db) > 0 else {
                throw AuditLogService.NothingToChange()
            }
            for id in unread { try await scope.record(.notificationRead, .notification(id)) }
        }
        return req.redirect(to: NotificationRoute.list.link())
    }
}
