import ExchangeCore
import Fluent
import Vapor

/// The token holder's own account and notifications, and the account directory for programme staff.
struct APIAccountController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIAccountRoute.me, use: me_)
        routes.on(APIAccountRoute.inbox, use: inbox)
        routes.on(APIAccountRoute.notifications, use: notifications)
        routes.on(APIAccountRoute.users, use: users)
        routes.on(APIAccountRoute.timeZone, use: timeZone)
    }

    @Sendable func me_(req: Request) async throws -> AccountDTO {
        try AccountDTO(req.requireUser())
    }

    @Sendable func timeZone(req: Request) async throws -> AccountDTO {
        let user = try req.requireUser()
        let form = try req.content.decode(AccountController.TimeZoneForm.self)
        try await req.registry.accounts.setTimeZone(named: form.timeZone, for: user)
        return try AccountDTO(user)
    }

    @Sendable func inbox(req: Request) async throws -> InboxDTO {
        let user = try req.requireUser()
        return try await InboxDTO(for: user.principal, on: req.db, today: CalendarDate(req.application.clock.now()), text: req)
    }

    @Sendable func notifications(req: Request) async throws -> PageDTO<NotificationDTO> {
        let user = try req.requireUser()
        let paging = try PageRequest(req)
        let query = UserNotification.query(on: req.db).filter(\.$user.$id == (try user.requireID()))
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt, .descending).range(paging.range).all().map {
            NotificationDTO(id: try $0.requireID(), message: req.application.catalogs.text($0.messageKey, req.language, $0.arguments),
                            link: $0.link, createdAt: $0.createdAt, read: $0.readAt != nil)
        }
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func users(req: Request) async throws -> PageDTO<AccountDTO> {
        try req.authorize(.list, .accountDirectory)
        let paging = try PageRequest(req)
        let total = try await User.query(on: req.db).count()
        let items = try await User.query(on: req.db).sort(\.$email).range(paging.range).all().map(AccountDTO.init)
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }
}
