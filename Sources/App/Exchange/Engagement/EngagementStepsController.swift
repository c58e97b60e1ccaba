import ExchangeCore
import Vapor

/// Programme staff's steps on a running engagement: begin closing, close (with a reason when post-evaluations are
/// missing), and extend.
struct EngagementStepsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(EngagementStepsRoute.beginClosing, use: beginClosing)
        routes.on(EngagementStepsRoute.close, use: close)
        routes.on(EngagementStepsRoute.extend, use: extend)
    }

    @Sendable func beginClosing(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        try await req.registry.engagements.beginClosing(match, by: try req.requireUser())
        req.flash("engagement.closing_begun")
        return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
    }

    @Sendable func close(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        struct Form: Content { var overrideReason: String? }
        try await req.registry.engagements.close(match, overrideReason: try req.content.decode(Form.self).overrideReason, by: try req.requireUser())
        req.flash("engagement.closed")
        return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
    }

    @Sendable func extend(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.work }
        struct Form: Content { var months: String?; var reason: String? }
        let form = try req.content.decode(Form.self)
        return try await req.formAgainIfInvalid {
            try await req.registry.engagements.extend(match, months: form.months.flatMap { Int($0) }, reason: form.reason ?? "", by: try req.requireUser())
            req.flash("engagement.extended")
            return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
        } form: { errors in
            try await MatchController.showPage(req, match, errors: errors, values: ["months": form.months ?? "", "extendReason": form.reason ?? ""])
        }
    }
}
