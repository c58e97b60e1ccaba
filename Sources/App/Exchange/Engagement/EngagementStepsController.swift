import ExchangeCore
import Vapor

/// Programme staff's steps on an engagement: cancel it from any open stage, begin closing, close (with a reason when
/// post-evaluations are missing), and extend. A refused step brings the match page back with its errors.
struct EngagementStepsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(EngagementStepsRoute.cancel, use: cancel)
        routes.on(EngagementStepsRoute.beginClosing, use: beginClosing)
        routes.on(EngagementStepsRoute.close, use: close)
        routes.on(EngagementStepsRoute.extend, use: extend)
    }

    @Sendable func cancel(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).loadForReview(try req.uuidParameter())
        struct Form: Content { var reason: String? }
        let reason = try req.content.decode(Form.self).reason ?? ""
        return try await req.formAgainIfInvalid {
            try await req.registry.engagements.cancel(match, reason: reason, by: try req.requireUser())
            req.flash("engagement.cancelled")
            return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
        } form: { errors in
            try await req.page(try await req.matchPage(match, values: ["reason": reason], errors: errors))
        }
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
            try await req.page(try await req.matchPage(match, values: ["months": form.months ?? "", "extendReason": form.reason ?? ""], errors: errors))
        }
    }
}
