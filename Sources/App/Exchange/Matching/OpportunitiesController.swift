import ExchangeCore
import Fluent
import Vapor

/// Open, screened needs an expert can see, each with a choice: interested, no preference, or decline.
/// A declined need is never proposed to the expert; interest counts in stable matching.
struct OpportunitiesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(OpportunitiesRoute.list, use: list)
        routes.on(OpportunitiesRoute.setStance, use: setStance)
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .opportunities)
        let user = try req.requireUser()
        guard let profile = try await NeedInterestService.profile(of: user, on: req.db) else {
            return try await req.page(OpportunitiesPage(openings: nil, taxonomy: req.application.taxonomy, text: req))
        }
        let stances = try await req.registry.needInterests.stances(of: profile)
        let countries = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: req.db).all().map { (try $0.requireID(), $0.country) })
        let openings = try await BatchMatchingService.openNeeds(on: req.db).map { need in
            let id = try need.requireID()
            return OpportunitiesPage.Opening(id: id, draft: need.draft, country: countries[need.$organisation.id] ?? "", stance: stances[id] ?? .neutral)
        }
        return try await req.page(OpportunitiesPage(openings: openings, taxonomy: req.application.taxonomy, text: req))
    }

    struct StanceForm: Content {
        var stance: String?
    }

    @Sendable func setStance(req: Request) async throws -> Response {
        try req.authorize(.update, .opportunities)
        let user = try req.requireUser()
        guard let need = try await Need.find(try req.uuidParameter(), on: req.db),
              let profile = try await NeedInterestService.profile(of: user, on: req.db) else { throw AppError.notFound }
        guard let stance = try req.content.decode(StanceForm.self).stance.flatMap(NeedInterest.Stance.init) else {
            throw AppError.validation([FieldError("stance", .invalidChoice)])
        }
        try await req.registry.needInterests.set(stance, on: need, for: profile, by: user)
        req.flash("opportunities.saved", need.title)
        return req.redirect(to: OpportunitiesRoute.list.link() + "#need-\(try need.requireID().uuidString.lowercased())")
    }
}
