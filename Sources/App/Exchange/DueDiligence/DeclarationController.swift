import ExchangeCore
import Vapor

/// Each party's conflict-of-interest declaration for a match: seven questions, each yes or no, a yes explained.
struct DeclarationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(DeclarationRoute.form, use: form)
        routes.on(DeclarationRoute.file, use: file)
    }

    struct QuestionRow: Encodable {
        let name: String
        let text: String
        let yes: Bool
        let no: Bool
        let details: String
        let error: String?
        let detailsError: String?
    }

    struct DeclarationPage: Encodable {
        let matchHref: String
        let action: String
        let needTitle: String
        let party: String
        let questions: [QuestionRow]
        let attested: Bool
        let attestedError: String?
        let declaredAt: String?
        let form: FormState
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
        let form = FormState(values: [:], errors: errors, on: req)
        let years = String(req.application.configuration.conflictLookbackYears)
        let rows = ConflictQuestion.allCases.map { q in
            QuestionRow(name: q.rawValue, text: req.t("declaration.question.\(q.rawValue)", years),
                        yes: choices[q.rawValue] == "yes", no: choices[q.rawValue] == "no", details: details[q.rawValue] ?? "",
                        error: form.errors[q.rawValue], detailsError: form.errors["\(q.rawValue)_details"])
        }
        return try await req.page("declaration", title: "declaration.title", DeclarationPage(
            matchHref: MatchRoute.show.link(try match.engagement.requireID()), action: DeclarationRoute.file.link(match.engagement.requireID()), needTitle: match.need.title, party: req.t("declaration.party.\(party.rawValue)"),
            questions: rows, attested: attested, attestedError: form.errors["attested"],
            declaredAt: declaredAt.map { CalendarDay.text($0) }, form: form))
    }
}
