import ExchangeCore
import Fluent
import Vapor

/// The public landing page, or the signed-in person's dashboard for their role.
struct HomeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(HomeRoute.home, use: home)
    }

    @Sendable func home(req: Request) async throws -> View {
        guard let user = req.auth.get(User.self) else {
            let published = try await req.registry.publications.published().map { $0.published(in: req.language) }.sorted { $0.publishedAt > $1.publishedAt }
            return try await req.page(LandingPage(published: published))
        }
        let organisation = try await user.$organisation.get(on: req.db)
        let others = try await WaitingOnOthers(db: req.db).items(for: user.principal)
        return try await req.page(DashboardPage(role: user.role, counts: try await counts(for: user, on: req.db),
                                                organisation: try organisation.map { (try $0.requireID(), $0.name) },
                                                waiting: try await Inbox(db: req.db, today: CalendarDate(req.application.clock.now())).items(for: user.principal),
                                                others: DashboardPage.others(others, text: req)))
    }

    private func counts(for user: User, on db: Database) async throws -> DashboardPage.Counts {
        var counts = DashboardPage.Counts(unread: try await UserNotification.unreadCount(of: user.requireID(), on: db.sql))
        if user.role.managesProgramme {
            counts.pendingRegistrations = try await User.query(on: db).filter(\.$status == .pending).count()
            counts.organisations = try await Organisation.query(on: db).count()
            counts.openInvitations = try await Invitation.query(on: db).filter(\.$acceptedAt == nil).count()
        }
        return counts
    }
}
