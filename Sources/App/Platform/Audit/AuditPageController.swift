import ExchangeCore
import Fluent
import Vapor

/// The coordinators' view of the audit log, filtered by actor, action and subject.
struct AuditPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(AuditPageRoute.list, use: list)
    }

    struct Filters: Content {
        var actor: String?
        var action: String?
        var subjectType: String?
        var subjectID: String?
        var page: Int?
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.read, .auditLog)
        let given = try req.query.decode(Filters.self)
        let filters = AuditLogPage.Filters(actor: given.actor?.trimmingWhitespace() ?? "", action: given.action ?? "",
                                           subjectType: given.subjectType?.trimmingWhitespace() ?? "",
                                           subjectID: given.subjectID?.trimmingWhitespace().lowercased() ?? "")
        var query = AuditEntryRecord.query(on: req.db)
        if !filters.actor.isEmpty { query = query.filter(\.$actor == filters.actor) }
        if !filters.action.isEmpty { query = query.filter(\.$action == filters.action) }
        if !filters.subjectType.isEmpty { query = query.filter(\.$subjectType == filters.subjectType) }
        if !filters.subjectID.isEmpty { query = query.filter(\.$subjectID == filters.subjectID) }
        let filtered = !filters.queryItems.isEmpty
        let total = filtered ? try await query.copy().count() : try await AuditLogReader(db: req.db).size()
        let entries = try await query.sort(\.$id, .descending).range(Pager.rows(req)).all()
        return try await req.page(AuditLogPage(entries: entries, total: total, page: Pager.page(req), filters: filters, text: req))
    }
}
