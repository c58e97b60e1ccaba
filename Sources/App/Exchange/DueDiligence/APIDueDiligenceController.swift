import ExchangeCore
import Vapor

/// Due diligence over JSON: staff open and review it, record checklist items, decide and answer waivers; each party
/// files its own conflict declaration. Same rules and errors as the pages.
struct APIDueDiligenceController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIDueDiligenceRoute.cancel, use: cancel)
        routes.on(APIDueDiligenceRoute.review, use: review)
        routes.on(APIDueDiligenceRoute.open, use: open)
        routes.on(APIDueDiligenceRoute.recordItem, use: recordItem)
        routes.on(APIDueDiligenceRoute.decide, use: decide)
        routes.on(APIDueDiligenceRoute.answerWaiver, use: answerWaiver)
        routes.on(APIDueDiligenceRoute.ownDeclaration, use: ownDeclaration)
        routes.on(APIDueDiligenceRoute.declare, use: declare)
    }

    // MARK: - DTOs

    struct ChecklistItemDTO: Content {
        let item: String
        let status: String
        let notes: String
        let links: [String]
    }

    struct DeclarationDTO: Content {
        struct Answer: Content {
            let declared: Bool
            let details: String
        }

        let party: String
        let declaredAt: Date
        let answers: [String: Answer]

        init(_ r: DeclarationRecord) {
            party = r.party.rawValue
            declaredAt = r.declaredAt
            answers = Dictionary(uniqueKeysWithValues: r.declaration.answers.map { ($0.key.rawValue, Answer(declared: $0.value.declared, details: $0.value.details)) })
        }
    }

    struct SignalDTO: Content {
        let kind: String
        let key: String
        let evidence: [String]
        let message: String
    }

    struct DecisionDTO: Content {
        let outcome: String
        let status: String
        let text: String
        let mitigation: String?
        let requestedAt: Date
        let decidedAt: Date?
        let alternativeMatchID: UUID?

        init(_ d: App.DueDiligenceDecision) {
            outcome = d.outcome.rawValue
            status = d.status.rawValue
            text = d.text
            mitigation = d.mitigation
            requestedAt = d.requestedAt
            decidedAt = d.decidedAt
            alternativeMatchID = d.alternativeEngagementID
        }
    }

    struct ReviewDTO: Content {
        let matchID: UUID
        let stage: String
        let status: String
        let checklist: [ChecklistItemDTO]
        let declarations: [DeclarationDTO]
        let signals: [SignalDTO]
        let decisions: [DecisionDTO]
    }

    // MARK: - Staff

    private func load(_ req: Request) async throws -> ProposedMatches.Loaded {
        try await ProposedMatches(req: req).loadForReview(try req.uuidParameter())
    }

    private func reviewDTO(_ req: Request, _ match: ProposedMatches.Loaded) async throws -> ReviewDTO {
        let review = try await req.registry.dueDiligence.review(match)
        return ReviewDTO(
            matchID: try match.engagement.requireID(), stage: match.engagement.stage.rawValue, status: match.engagement.state.dueDiligence.rawValue,
            checklist: DueDiligenceItem.allCases.map { item in
                let e = review.checklist[item]
                return ChecklistItemDTO(item: item.rawValue, status: e.status.rawValue, notes: e.notes, links: e.links)
            },
            declarations: DeclaringParty.allCases.compactMap { review.declarations[$0].map(DeclarationDTO.init) },
            signals: review.signals.map { SignalDTO(kind: $0.kind.rawValue, key: $0.key, evidence: $0.evidence, message: SignalText.describe($0, req)) },
            decisions: review.decisions.map(DecisionDTO.init))
    }

    @Sendable func review(req: Request) async throws -> ReviewDTO {
        try await reviewDTO(req, try await load(req))
    }

    @Sendable func open(req: Request) async throws -> ReviewDTO {
        let match = try await load(req)
        try await req.registry.dueDiligence.open(match, by: try req.requireUser())
        return try await reviewDTO(req, match)
    }

    struct ReasonInput: Content { var reason: String? }

    @Sendable func cancel(req: Request) async throws -> APIMatchingController.MatchDTO {
        let match = try await load(req)
        try await req.registry.engagements.cancel(match, reason: try req.content.decode(ReasonInput.self).reason ?? "", by: try req.requireUser())
        return try APIMatchingController.MatchDTO(match, req: req)
    }

    struct ChecklistInput: Content {
        var status: String?
        var notes: String?
        var links: [String]?
    }

    @Sendable func recordItem(req: Request) async throws -> ChecklistItemDTO {
        let match = try await load(req)
        guard let raw = req.parameters.get("item"), let item = DueDiligenceItem(rawValue: raw) else { throw AppError.notFound }
        let input = try req.content.decode(ChecklistInput.self)
        let (entry, errors) = ChecklistEntry.parse(status: input.status, notes: input.notes, links: input.links?.joined(separator: "\n"))
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await req.registry.dueDiligence.record(item, entry, on: match, by: try req.requireUser())
        return ChecklistItemDTO(item: item.rawValue, status: entry.status.rawValue, notes: entry.notes, links: entry.links)
    }

    struct DecisionInput: Content {
        var outcome: String?
        var text: String?
        var mitigation: String?
        var alternativeExpertProfileID: UUID?
    }

    @Sendable func decide(req: Request) async throws -> ReviewDTO {
        let match = try await load(req)
        let input = try req.content.decode(DecisionInput.self)
        var validator = Validator()
        guard let outcome = validator.choice("outcome", input.outcome, as: DueDiligenceOutcome.self) else {
            throw AppError.validation(validator.errors)
        }
        try await req.registry.dueDiligence.decide(outcome, text: input.text ?? "", mitigation: input.mitigation ?? "",
                                          alternative: input.alternativeExpertProfileID, on: match, by: try req.requireUser())
        return try await reviewDTO(req, match)
    }

    struct WaiverInput: Content {
        var approve: Bool?
        var note: String?
    }

    @Sendable func answerWaiver(req: Request) async throws -> ReviewDTO {
        let match = try await load(req)
        let input = try req.content.decode(WaiverInput.self)
        guard let approve = input.approve else { throw AppError.validation([FieldError("approve", .required)]) }
        try await req.registry.dueDiligence.answerWaiver(approve: approve, note: input.note ?? "", on: match, by: try req.requireUser())
        return try await reviewDTO(req, match)
    }

    // MARK: - Parties

    private func party(_ req: Request) async throws -> (ProposedMatches.Loaded, DeclaringParty) {
        try await ProposedMatches(req: req).loadForDeclaration(try req.uuidParameter())
    }

    @Sendable func ownDeclaration(req: Request) async throws -> DeclarationDTO {
        let (match, party) = try await party(req)
        guard let record = try await req.registry.dueDiligence.review(match).declarations[party] else { throw AppError.notFound }
        return DeclarationDTO(record)
    }

    struct DeclarationInput: Content {
        struct Answer: Content {
            var declared: Bool?
            var details: String?
        }

        var answers: [String: Answer]?
        var attested: Bool?
    }

    @Sendable func declare(req: Request) async throws -> DeclarationDTO {
        let (match, party) = try await party(req)
        let input = try req.content.decode(DeclarationInput.self)
        let answers = input.answers ?? [:]
        let unknown = answers.keys.contains { ConflictQuestion(rawValue: $0) == nil }
        let (declaration, parsed) = ConflictDeclaration.parse(
            choices: answers.compactMapValues { $0.declared.map { $0 ? "yes" : "no" } },
            details: answers.compactMapValues(\.details), attested: input.attested ?? false)
        let errors = parsed + (unknown ? [FieldError("answers", .invalidChoice)] : [])
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await req.registry.dueDiligence.declare(declaration, as: party, on: match, by: try req.requireUser())
        return try await ownDeclaration(req: req)
    }
}
