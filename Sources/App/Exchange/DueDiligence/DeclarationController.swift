import ExchangeCore
import Vapor

/// Each party's conflict-of-interest declaration for a match: seven questions, each yes or no, a yes explained.
struct DeclarationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(DeclarationRoute.form, use: form)
        routes.on(DeclarationRoute.file, use: file)
    }

    @Sendable func form(req: Request) async throws -> View {
        let (match, party) = try await load(req)
        let record = try await req.registry.dueDiligence.review(match).declarations[party]
        var choices: [String: String] = [:], details: [String: String] = [:]
        for (question, answer) in record?.declaration.answers ?? [:] {
            choices[question.rawValue] = answer.declared ? "yes" : "no"
            details[question.rawValue] = answer.details
        }
        return try await page(req, match, party, choices: choices, details: details, attested: record != nil, errors: [],
                              declaredAt: record?.declaredAt)
    }

    @Sendable func file(req: Request) async throws -> Response {
        let (match, party) = try await load(req)
        let (choices, details, attested) = Self.answers(try req.content.decode([String: String].self))
        let (declaration, errors) = ConflictDeclaration.parse(choices: choices, details: details, attested: attested)
        guard errors.isEmpty else {
            return try await page(req, match, party, choices: choices, details: details, attested: attested, errors: errors, declaredAt: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.registry.dueDiligence.declare(declaration, as: party, on: match, by: try req.requireUser())
        req.flash("declaration.filed")
        return req.redirect(to: MatchRoute.show.link(try match.engagement.requireID()))
    }

    /// Splits a form body into yes/no choices and details by question.
    static func answers(_ body: [String: String]) -> (choices: [String: String], details: [String: String], attested: Bool) {
        var choices: [String: String] = [:], details: [String: String] = [:]
        for question in ConflictQuestion.allCases {
            choices[question.rawValue] = body[question.rawValue]
            details[question.rawValue] = body["\(question.rawValue)_details"]
        }
        return (choices, details, ["on", "true", "yes"].contains(body["attested"] ?? ""))
    }

    private func load(_ req: Request) async throws -> (ProposedMatches.Loaded, DeclaringParty) {
        try await ProposedMatches(req: req).loadForDeclaration(try req.uuidParameter())
    }

    private func page(_ req: Request, _ match: ProposedMatches.Loaded, _ party: DeclaringParty, choices: [String: String],
                      details: [String: String], attested: Bool, errors: [FieldError], declaredAt: Date?) async throws -> View {
        try await req.page(DeclarationPage(match: try match.heading, party: party, choices: choices, details: details, attested: attested,
                                           declaredAt: declaredAt, lookbackYears: req.application.configuration.conflictLookbackYears,
                                           errors: errors, text: req))
    }
}
