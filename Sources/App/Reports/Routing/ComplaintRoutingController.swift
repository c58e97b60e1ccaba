import ExchangeCore
import Fluent
import SecureReporting
import Vapor

/// The complaint routing table as a page: its rows, a form to add one, and a button to remove each.
struct ComplaintRoutingController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(ComplaintRoutingRoute.table, use: table)
        routes.on(ComplaintRoutingRoute.add, use: add)
        routes.on(ComplaintRoutingRoute.remove, use: remove)
    }

    @Sendable func table(req: Request) async throws -> View {
        try await page(req, form: FormState())
    }

    @Sendable func add(req: Request) async throws -> Response {
        let input = try req.content.decode(ComplaintRouteInput.self)
        return try await req.formAgainIfInvalid {
            _ = try await req.registry.complaintRouting.add(try input.row(), by: req.requireUser())
            req.flash("routing.added")
            return req.redirect(to: ComplaintRoutingRoute.table.link())
        } form: { errors in
            let values = ["category": input.category ?? "", "region": input.region ?? "", "authority": input.authority?.uuidString.lowercased() ?? ""]
            return try await page(req, form: FormState(values: values, errors: errors, on: req))
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        try await req.registry.complaintRouting.remove(req.uuidParameter(), by: req.requireUser())
        req.flash("routing.removed")
        return req.redirect(to: ComplaintRoutingRoute.table.link())
    }

    private func page(_ req: Request, form: FormState) async throws -> View {
        let routes = try await req.registry.complaintRouting.routes()
        let categories = try await ReportContext.query(on: req.db).filter(\.$channel == .complaint).sort(\.$key).all()
        let authorities = try await Organisation.query(on: req.db).filter(\.$kind == .publicBody).sort(\.$name).all()
        return try await req.page(ComplaintRoutingPage(
            routes: try routes.map { .init(id: try $0.requireID(), category: $0.category, region: $0.region, authority: $0.authority.name) },
            categories: categories.map { ($0.key, $0.title) }, authorities: try authorities.map { (try $0.requireID(), $0.name) },
            form: form, text: req))
    }
}
