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

    struct Row: Encodable {
        let sequence: Int
        let time: String
        let actor: String
        let action: String
        let subjectType: String
        let subjectID: String
        let reason: String
        let fields: String
    }

    struct ListPage: Encodable {
        let rows: [Row]
        let hasRows: Bool
        let filters: [String: String]
        let actions: [Option]
        let page: Int
        let previousHref: String?
        let nextHref: String?
        let totalText: String
    }

    static let perPage = 50

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.read, .auditLog)
        let filters = try req.query.decode(Filters.self)
        var query = AuditEntryRecord.query(on: req.db)
        var filtered = false
        if let actor = filters.actor?.trimmingWhitespace(), !actor.isEmpty { (query, filtered) = (query.filter(\.$actor == actor), true) }
        if let action = filters.action, !action.isEmpty { (query, filtered) = (query.filter(\.$action == action), true) }
        if let type = filters.subjectType?.trimmingWhitespace(), !type.isEmpty { (query, filtered) = (query.filter(\.$subjectType == type), true) }
        if let id = filters.subjectID?.trimmingWhitespace().lowercased(), !id.isEmpty { (query, filtered) = (query.filter(\.$subjectID == id), true) }
        let page = max(1, filters.page ?? 1)
        let total = filtered ? try await query.copy().count() : try await AuditLogReader(db: req.db).size()
        let rows = try await query.sort(\.$id, .descending).range(((page - 1) * Self.perPage)..<(page * Self.perPage)).all().map {
            Row(sequence: $0.id ?? 0, time: Date(timeIntervalSince1970: Double($0.timestampMs) / 1000).formatted(.iso8601),
                actor: $0.actor, action: $0.action, subjectType: $0.subjectType, subjectID: $0.subjectID,
                reason: $0.reason, fields: $0.changedFields.replacingOccurrences(of: ",", with: ", "))
        }
        let values = ["actor": filters.actor ?? "", "subjectType": filters.subjectType ?? "", "subjectID": filters.subjectID ?? ""]
        func link(_ p: Int) -> String {
            var components = URLComponents()
            components.path = AuditPageRoute.list.link()
            components.queryItems = values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
                + (filters.action.map { [URLQueryItem(name: "action", value: $0)] } ?? []) + [URLQueryItem(name: "page", value: "\(p)")]
            return components.string ?? AuditPageRoute.list.link()
        }
        return try await req.page("audit", title: "audit.title", ListPage(
            rows: rows, hasRows: !rows.isEmpty, filters: values,
            actions: AuditAction.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == filters.action) },
            page: page, previousHref: page > 1 ? link(page - 1) : nil,
            nextHref: page * Self.perPage < total ? link(page + 1) : nil, totalText: String(total)))
    }
}
