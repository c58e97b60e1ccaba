import ExchangeCore
import Fluent
import Foundation
import SecureReporting

/// The complaint routing table, kept by coordinators: which public body answers complaints of a category from a
/// region. A row repeating another's category and region is refused, so the table always names one authority.
struct ComplaintRoutingService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    struct Row: Sendable, Equatable {
        var category: String?
        var region: String?
        var authority: UUID
    }

    func routes() async throws -> [ComplaintRoute] {
        try await ComplaintRoute.query(on: db).with(\.$authority).sort(\.$storedCategory).sort(\.$storedRegion).all()
    }

    /// Adds a row after checking what it names; 409 when the category and region already have one.
    func add(_ row: Row, by user: User) async throws -> ComplaintRoute {
        try await check(row)
        return try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            // Decided on the table as it stands now, so two coordinators adding the same row keep one.
            let same = try await ComplaintRoute.query(on: scope.db).filter(\.$storedCategory == row.category ?? ComplaintRoute.any)
                .filter(\.$storedRegion == row.region ?? ComplaintRoute.any).count()
            guard same == 0 else { throw AppError.conflict(code: "complaint_route_exists") }
            let route = ComplaintRoute()
            (route.storedCategory, route.storedRegion) = (row.category ?? ComplaintRoute.any, row.region ?? ComplaintRoute.any)
            (route.$authority.id, route.createdAt) = (row.authority, clock.now())
            try await route.create(on: scope.db)
            try await scope.record(.complaintRouteAdd, .complaintRoute(route.requireID()),
                                   changes: ["category": route.storedCategory, "region": route.storedRegion, "authority": row.authority.uuidString.lowercased()])
            return route
        }
    }

    /// Removes a row; 404 when it is gone already.
    func remove(_ id: UUID, by user: User) async throws {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            guard let route = try await ComplaintRoute.find(id, on: scope.db) else { throw AppError.notFound }
            try await route.delete(on: scope.db)
            try await scope.record(.complaintRouteRemove, .complaintRoute(id), changes: ["category": route.storedCategory, "region": route.storedRegion])
        }
    }

    /// The authority for a complaint in `contextKey` from `region`, by the table as it stands in `db`.
    static func authority(category: String, region: String?, on db: Database) async throws -> UUID? {
        let table = ComplaintRoute.table(try await ComplaintRoute.query(on: db).all())
        return table.authority(category: category, region: region).flatMap(UUID.init(uuidString:))
    }

    private func check(_ row: Row) async throws {
        var errors: [FieldError] = []
        if let category = row.category,
           try await ReportContext.query(on: db).filter(\.$key == category).filter(\.$channel == .complaint).count() == 0 {
            errors.append(FieldError("category", .invalidChoice))
        }
        if let region = row.region, WorldRegion(region) == nil { errors.append(FieldError("region", .invalidChoice)) }
        if try await Organisation.query(on: db).filter(\.$id == row.authority).filter(\.$kind == .publicBody).count() == 0 {
            errors.append(FieldError("authority", .invalidChoice))
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
    }
}
