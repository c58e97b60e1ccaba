import ExchangeCore
import Vapor

/// The programme's matching weights, unassigned penalty and number of alternates, changed with a reason.
struct MatchingSettingsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(MatchingSettingsRoute.show, use: show)
        routes.on(MatchingSettingsRoute.save, use: save)
    }

    /// Numbers arrive as text so a typo is a field error, not a decoding failure.
    struct SettingsForm: Content {
        var weights: [String: String]?
        var penalty: String?
        var alternates: String?
        var reason: String?

        func settings() -> (BatchMatching.Settings?, [FieldError]) {
            var errors: [FieldError] = []
            var values: [MatchCriterion: Double] = [:]
            for criterion in MatchCriterion.allCases {
                guard let value = Self.number(weights?[criterion.rawValue]), value >= 0 else {
                    errors.append(FieldError("weights.\(criterion.rawValue)", .outOfRange))
                    continue
                }
                values[criterion] = value
            }
            let penalty = Self.number(penalty)
            if penalty == nil { errors.append(FieldError("penalty", .outOfRange)) }
            let alternates = Int((alternates ?? "").trimmingWhitespace())
            if alternates == nil { errors.append(FieldError("alternates", .outOfRange)) }
            guard errors.isEmpty, let penalty, let alternates else { return (nil, errors) }
            return (BatchMatching.Settings(weights: MatchWeights(values: values), penalty: penalty, alternates: alternates), [])
        }

        static func number(_ text: String?) -> Double? {
            Double((text ?? "").trimmingWhitespace().replacingOccurrences(of: ",", with: ".")).flatMap { $0.isFinite ? $0 : nil }
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.read, .matchingBoard)
        let settings = try await ProgrammeSettings(db: req.db).matching()
        return try await page(req, values: MatchingSettingsPage.values(settings), errors: [])
    }

    @Sendable func save(req: Request) async throws -> Response {
        try req.authorize(.update, .matchingBoard)
        let form = try req.content.decode(SettingsForm.self)
        var values = (form.weights ?? [:]).reduce(into: [String: String]()) { $0["weights.\($1.key)"] = $1.value }
        values["penalty"] = form.penalty ?? ""
        values["alternates"] = form.alternates ?? ""
        values["reason"] = form.reason ?? ""
        return try await req.formAgainIfInvalid {
            let (settings, errors) = form.settings()
            guard let settings else { throw AppError.validation(errors) }
            try await ProgrammeSettings(db: req.db).saveMatching(settings, reason: form.reason ?? "", by: try req.requireUser(),
                                                                 audit: req.application.auditLog, clock: req.application.clock)
            req.flash("matching.settings_saved")
            return req.redirect(to: MatchingBoardRoute.board.link())
        } form: { errors in
            try await page(req, values: values, errors: errors)
        }
    }

    private func page(_ req: Request, values: [String: String], errors: [FieldError]) async throws -> View {
        try await req.page(MatchingSettingsPage(values: values, errors: errors, text: req))
    }
}
