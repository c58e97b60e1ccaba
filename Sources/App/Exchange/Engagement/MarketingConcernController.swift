import ExchangeCore
import Vapor

/// A party reports that someone promoted or sold something in the exchange; programme staff read the report, with
/// who made it, and decide.
struct MarketingConcernController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(MarketingConcernRoute.reportForm, use: reportForm)
        routes.on(MarketingConcernRoute.report, use: report)
        routes.on(MarketingConcernRoute.show, use: show)
        routes.on(MarketingConcernRoute.decide, use: decide)
    }

    // MARK: - Reporting (either party)

    struct ReportForm: Content {
        var description: String?
        var links: String?
    }

    @Sendable func reportForm(req: Request) async throws -> View {
        let (match, _) = try await loadForReport(req)
        return try await reportPage(req, match, values: [:], errors: [])
    }

    @Sendable func report(req: Request) async throws -> Response {
        let (match, party) = try await loadForReport(req)
        let form = try req.content.decode(ReportForm.self)
        let (report, errors) = MarketingConcernReport.parse(description: form.description, links: form.links)
        guard errors.isEmpty else {
            return try await reportPage(req, match, values: ["description": form.description ?? "", "links": form.links ?? ""], errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        _ = try await req.registry.marketingConcerns.report(report, on: match, as: party, by: try req.requireUser())
        req.flash("marketing_concern.reported")
        return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
    }

    private func loadForReport(_ req: Request) async throws -> (ProposedMatches.Loaded, DeclaringParty) {
        let match = try await ProposedMatches(req: req).load(.create) { $0.protected.marketingConcern }
        // Staff decide concerns; they do not file them.
        guard let party = match.party(of: req.principal!) else { throw AppError.forbidden }
        return (match, party)
    }

    private func reportPage(_ req: Request, _ match: ProposedMatches.Loaded, values: [String: String], errors: [FieldError]) async throws -> View {
        try await req.page(MarketingConcernReportPage(match: try match.heading, values: values, errors: errors, text: req))
    }

    // MARK: - Deciding (programme staff)

    struct DecisionForm: Content {
        var outcome: String?
        var text: String?
        var alternative: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        let (match, concern) = try await loadForStaff(req)
        return try await concernPage(req, match, concern, values: [:], errors: [])
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let (match, concern) = try await loadForStaff(req)
        try req.authorize(.decide, match.protected.marketingConcern)
        let form = try req.content.decode(DecisionForm.self)
        let values = ["outcome": form.outcome ?? "", "text": form.text ?? "", "alternative": form.alternative ?? ""]
        let (decision, errors) = MarketingConcernDecision.parse(outcome: form.outcome, text: form.text)
        return try await req.formAgainIfInvalid {
            guard let decision else { throw AppError.validation(errors) }
            try await req.registry.marketingConcerns.decide(decision, alternative: form.alternative.flatMap(UUID.init(uuidString:)), on: concern,
                                                   of: match, by: try req.requireUser())
            req.flash("marketing_concern.decided")
            return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
        } form: { errors in
            try await concernPage(req, match, concern, values: values, errors: errors)
        }
    }

    private func loadForStaff(_ req: Request) async throws -> (ProposedMatches.Loaded, MarketingConcern) {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.marketingConcern }
        guard let id = req.parameters.get("concern").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return (match, try await req.registry.marketingConcerns.find(id, in: match))
    }

    private func concernPage(_ req: Request, _ match: ProposedMatches.Loaded, _ concern: MarketingConcern, values: [String: String],
                             errors: [FieldError]) async throws -> View {
        let alternates = concern.status == .open ? try await Alternates(db: req.db).options(for: match, selected: values["alternative"]) : []
        return try await req.page(MarketingConcernPage(match: try match.heading, concern: try concern.pageValues, alternates: alternates,
                                                       values: values, errors: errors, text: req))
    }
}
