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

    struct Card: Encodable {
        let id: String
        let title: String
        let country: String
        let supportAreas: String
        let skills: String
        let languages: String
        let period: String
        let outputs: String
        let stances: [Option]
        let current: String
    }

    struct ListPage: Encodable {
        let hasProfile: Bool
        let cards: [Card]
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.list, .opportunities)
        let user = try req.requireUser()
        guard let profile = try await NeedInterestService.profile(of: user, on: req.db) else {
            return try await req.page("opportunities", title: "opportunities.title", ListPage(hasProfile: false, cards: []))
        }
        let stances = try await req.registry.needInterests.stances(of: profile)
        let needs = try await BatchMatchingService.openNeeds(on: req.db)
        let countries = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: req.db).all().map { (try $0.requireID(), $0.country) })
        let cards = try needs.map { need in
            let d = need.draft
            let current = stances[try need.requireID()] ?? .neutral
            let code = countries[need.$organisation.id] ?? ""
            return Card(
                id: try need.requireID().uuidString.lowercased(), title: need.title, country: CountryCode(code)?.name(in: req.language) ?? code,
                supportAreas: d.supportAreas.map { req.t("support_area.\($0)") }.joined(separator: " · "),
                skills: (d.requiredSkills + d.preferredSkills).compactMap { req.application.taxonomy.skill($0)?.labels[req.language] }
                    .joined(separator: " · "),
                languages: d.languages.map { LanguageCode($0)?.name(in: req.language) ?? $0 }.joined(separator: " · "),
                period: req.t("opportunities.period", CalendarDay.text(d.preferredStart, none: "—"), String(d.duration)),
                outputs: need.expectedOutputs,
                stances: Option.cases(NeedInterest.Stance.allCases, labels: "opportunities.stance", selected: current.rawValue, req),
                current: req.t("opportunities.stance.\(current.rawValue)"))
        }
        return try await req.page("opportunities", title: "opportunities.title", ListPage(hasProfile: true, cards: cards))
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
