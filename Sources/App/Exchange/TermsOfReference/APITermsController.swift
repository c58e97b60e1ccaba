import ExchangeCore
import Vapor

/// Terms of Reference over JSON: read every version, save a new one, sign, and start the engagement. The body of a
/// save has the shape of a version's `terms`, so what GET returns can be changed and sent back.
struct APITermsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APITermsRoute.list, use: list)
        routes.on(APITermsRoute.save, use: save)
        routes.on(APITermsRoute.keptDraft, use: keptDraft)
        routes.on(APITermsRoute.keepDraft, use: keepDraft)
        routes.on(APITermsRoute.sign, use: sign)
        routes.on(APITermsRoute.start, use: start)
    }

    struct TermsInput: Content {
        struct Person: Content { var name: String?; var side: String?; var responsibilities: String? }
        struct Governance: Content { var meetingCadence: String?; var decisionMaking: String?; var escalation: String? }
        struct Goal: Content { var text: String?; var supportArea: Int? }
        struct Deliverable: Content { var goal: Int?; var title: String?; var due: String? }
        struct Milestone: Content { var title: String?; var due: String? }
        struct Communication: Content { var what: String?; var channels: String?; var consent: String? }
        struct DataHandling: Content { var access: String?; var rules: String? }

        var start: String?
        var months: Int?
        var people: [Person]?
        var governance: Governance?
        var goals: [Goal]?
        var deliverables: [Deliverable]?
        var milestones: [Milestone]?
        var successStatement: String?
        var communication: Communication?
        var dataHandling: DataHandling?
        var valuesTailoring: String?

        var draft: TermsOfReferenceDraft {
            var d = TermsOfReferenceDraft()
            d.start = start
            d.months = months.map(String.init)
            d.people = (people ?? []).map { .init(name: $0.name, side: $0.side, responsibilities: $0.responsibilities) }
            d.meetingCadence = governance?.meetingCadence
            d.decisionMaking = governance?.decisionMaking
            d.escalation = governance?.escalation
            d.goals = (goals ?? []).map { .init(text: $0.text, supportArea: $0.supportArea.map(String.init)) }
            d.deliverables = (deliverables ?? []).map { .init(goal: $0.goal.map(String.init), title: $0.title, due: $0.due) }
            d.milestones = (milestones ?? []).map { .init(title: $0.title, due: $0.due) }
            d.successStatement = successStatement
            d.communicationWhat = communication?.what
            d.communicationChannels = communication?.channels
            d.communicationConsent = communication?.consent
            d.dataAccess = dataHandling?.access
            d.dataRules = dataHandling?.rules
            d.valuesTailoring = valuesTailoring
            return d
        }

        /// The input that reads back as `d`; a number the draft holds as unreadable text comes back as null.
        init(_ d: TermsOfReferenceDraft) {
            start = d.start
            months = d.months.flatMap { Int($0) }
            people = d.people.map { .init(name: $0.name, side: $0.side, responsibilities: $0.responsibilities) }
            governance = .init(meetingCadence: d.meetingCadence, decisionMaking: d.decisionMaking, escalation: d.escalation)
            goals = d.goals.map { .init(text: $0.text, supportArea: $0.supportArea.flatMap { Int($0) }) }
            deliverables = d.deliverables.map { .init(goal: $0.goal.flatMap { Int($0) }, title: $0.title, due: $0.due) }
            milestones = d.milestones.map { .init(title: $0.title, due: $0.due) }
            successStatement = d.successStatement
            communication = .init(what: d.communicationWhat, channels: d.communicationChannels, consent: d.communicationConsent)
            dataHandling = .init(access: d.dataAccess, rules: d.dataRules)
            valuesTailoring = d.valuesTailoring
        }
    }

    struct VersionDTO: Content {
        struct Signature: Content { let side: String; let signedBy: String; let signedAt: Date }
        let number: Int
        let createdAt: Date
        let signatures: [Signature]
        let terms: TermsOfReference?

        init(_ v: TermsVersion) {
            number = v.number
            createdAt = v.createdAt
            signatures = v.signatures.map { Signature(side: $0.side.rawValue, signedBy: $0.signer.displayName, signedAt: $0.signedAt) }
            terms = v.terms
        }
    }

    struct TermsDTO: Content {
        let stage: String
        /// Newest first.
        let versions: [VersionDTO]
    }

    struct SavedDTO: Content {
        let version: Int
        /// False when the terms equal the current version, which then stays current.
        let created: Bool
        let stage: String
    }

    struct DraftDTO: Content {
        /// False when no draft is kept; the other fields are then null or empty.
        let kept: Bool
        /// False when the draft sent equals the one kept.
        let changed: Bool
        let keptBy: String?
        let keptAt: Date?
        let terms: TermsInput?
        /// What saving this draft as a version would refuse, named as `saveTerms` names it.
        let problems: [FieldError]
    }

    @Sendable func list(req: Request) async throws -> TermsDTO {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        return TermsDTO(stage: match.engagement.stage.rawValue, versions: try await req.registry.terms.versions(of: match).map(VersionDTO.init))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        let input = try req.content.decode(TermsInput.self)
        let terms: TermsOfReference
        switch input.draft.validate(req.registry.terms.context(match)) {
        case .failure(let failure): throw AppError.validation(failure.errors)
        case .success(let valid): terms = valid
        }
        let created = try await req.registry.terms.save(terms, on: match, by: try req.requireUser())
        var number = created?.number ?? 0
        if created == nil { number = try await req.registry.terms.versions(of: match).first?.number ?? 0 }
        return try await SavedDTO(version: number, created: created != nil, stage: match.engagement.stage.rawValue)
            .encodeResponse(status: created == nil ? .ok : .created, for: req)
    }

    @Sendable func keptDraft(req: Request) async throws -> DraftDTO {
        let match = try await ProposedMatches(req: req).load(.read) { $0.protected.terms }
        return try await draftDTO(req, match, changed: false)
    }

    @Sendable func keepDraft(req: Request) async throws -> DraftDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        let input = try req.content.decode(TermsInput.self)
        let changed = try await req.registry.terms.keepDraft(TermsForm.fields(of: input.draft), on: match, by: try req.requireUser())
        return try await draftDTO(req, match, changed: changed)
    }

    private func draftDTO(_ req: Request, _ match: ProposedMatches.Loaded, changed: Bool) async throws -> DraftDTO {
        guard let kept = try await req.registry.terms.keptDraft(of: match) else {
            return DraftDTO(kept: false, changed: changed, keptBy: nil, keptAt: nil, terms: nil, problems: [])
        }
        let draft = TermsForm.draft(from: kept.fields)
        return DraftDTO(kept: true, changed: changed, keptBy: kept.savedBy.displayName, keptAt: kept.savedAt, terms: TermsInput(draft),
                        problems: req.registry.terms.problems(of: draft, on: match))
    }

    @Sendable func sign(req: Request) async throws -> TermsDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        guard let side = match.termsSide(of: req.principal!) else { throw AppError.forbidden }
        _ = try await req.registry.terms.sign(match, as: side, by: try req.requireUser())
        return TermsDTO(stage: match.engagement.stage.rawValue, versions: try await req.registry.terms.versions(of: match).map(VersionDTO.init))
    }

    @Sendable func start(req: Request) async throws -> TermsDTO {
        let match = try await ProposedMatches(req: req).load(.update) { $0.protected.terms }
        try await req.registry.terms.start(match, by: try req.requireUser())
        return TermsDTO(stage: match.engagement.stage.rawValue, versions: try await req.registry.terms.versions(of: match).map(VersionDTO.init))
    }

}
