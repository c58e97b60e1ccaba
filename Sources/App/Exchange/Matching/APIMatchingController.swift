import ExchangeCore
import Fluent
import Vapor

/// Matching over JSON: settings, ranking one need, batch runs and decisions, matches with their explanation,
/// and experts' interest in open needs. Same services and rules as the pages.
struct APIMatchingController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APIMatchingRoute.settings, use: settings)
        routes.on(APIMatchingRoute.saveSettings, use: saveSettings)
        routes.on(APIMatchingRoute.runs, use: runs)
        routes.on(APIMatchingRoute.start, use: start)
        routes.on(APIMatchingRoute.run, use: run)
        routes.on(APIMatchingRoute.decide, use: decide)
        routes.on(APIMatchingRoute.candidates, use: candidates)
        routes.on(APIMatchingRoute.matches, use: matches)
        routes.on(APIMatchingRoute.match, use: match)
        routes.on(APIMatchingRoute.opportunities, use: opportunities)
        routes.on(APIMatchingRoute.setStance, use: setStance)
    }

    // MARK: - Settings

    struct SettingsDTO: Content {
        let weights: [String: Double]
        let penalty: Double
        let alternates: Int
        var reason: String?

        init(_ s: BatchMatching.Settings) {
            weights = Dictionary(uniqueKeysWithValues: MatchCriterion.allCases.map { ($0.rawValue, s.weights[$0]) })
            penalty = s.penalty
            alternates = s.alternates
        }
    }

    @Sendable func settings(req: Request) async throws -> SettingsDTO {
        try req.authorize(.read, .matchingBoard)
        return SettingsDTO(try await ProgrammeSettings(db: req.db).matching())
    }

    @Sendable func saveSettings(req: Request) async throws -> SettingsDTO {
        try req.authorize(.update, .matchingBoard)
        let input = try req.content.decode(SettingsDTO.self)
        var values: [MatchCriterion: Double] = [:]
        for (name, value) in input.weights {
            guard let criterion = MatchCriterion(rawValue: name) else { throw AppError.validation([FieldError("weights.\(name)", .invalidChoice)]) }
            values[criterion] = value
        }
        let settings = BatchMatching.Settings(weights: MatchWeights(values: values), penalty: input.penalty, alternates: input.alternates)
        try await ProgrammeSettings(db: req.db).saveMatching(settings, reason: input.reason ?? "", by: try req.requireUser(),
                                                             audit: req.application.auditLog, clock: req.application.clock)
        return SettingsDTO(settings)
    }

    // MARK: - Ranking one need

    struct CandidateDTO: Content {
        let expertProfileID: UUID
        let fullName: String
        let score: Double
        let breakdown: [String: Double]
    }

    struct RankingDTO: Content {
        let needID: UUID
        let considered: Int
        let candidates: [CandidateDTO]
        let excluded: [String: Int]
    }

    @Sendable func candidates(req: Request) async throws -> RankingDTO {
        let need = try await req.load(Need.self, for: .read)
        try req.authorize(.list, .expertDirectory)
        let top = try req.query.get(Int?.self, at: "top") ?? 20
        guard (1...200).contains(top) else { throw AppError.validation([FieldError("top", .outOfRange)]) }
        let result = try await CandidateRankingService(db: req.db, taxonomy: req.application.taxonomy).rank(need, top: top)
        return RankingDTO(
            needID: try need.requireID(), considered: result.ranking.considered,
            candidates: try result.ranking.candidates.map {
                let p = result.profiles[Int($0.candidate)]
                return CandidateDTO(expertProfileID: try p.requireID(), fullName: p.fullName, score: $0.score, breakdown: BatchMatchingService.named($0.breakdown))
            },
            excluded: BatchMatchingService.named(result.ranking.excluded))
    }

    // MARK: - Batch runs

    struct ProgressDTO: Content {
        let phase: String
        let done: Int
        let total: Int
        let percent: Int
    }

    struct RunDTO: Content {
        let id: UUID
        let status: String
        let needCount: Int
        let startedAt: Date
        let finishedAt: Date?
        let objective: Double?
        let stableObjective: Double?
        let unassigned: Int?
        let stableUnassigned: Int?
        let failure: String?
        let progress: ProgressDTO?
        let proposals: [ProposalDTO]?

        init(_ run: MatchRun, progress: MatchingProgress?, proposals: [ProposalDTO]? = nil, req: Request) throws {
            id = try run.requireID()
            status = run.status == .running && progress == nil ? MatchRun.Status.failed.rawValue : run.status.rawValue
            needCount = run.needCount
            startedAt = run.startedAt
            finishedAt = run.finishedAt
            objective = run.objective
            stableObjective = run.stableObjective
            unassigned = run.unassigned
            stableUnassigned = run.stableUnassigned
            failure = run.failure.map { req.t($0) } ?? (run.status == .running && progress == nil ? req.t("matching.failure.interrupted") : nil)
            self.progress = progress.map { ProgressDTO(phase: $0.phase.rawValue, done: $0.done, total: $0.total, percent: $0.percent) }
            self.proposals = proposals
        }
    }

    struct ProposalDTO: Content {
        let id: UUID
        let needID: UUID
        let expertProfileID: UUID?
        let score: Double?
        let breakdown: [String: Double]
        let alternates: [MatchProposal.Alternate]
        let stableExpertProfileID: UUID?
        let stableScore: Double?
        let excluded: [String: Int]
        let decision: String
        let reason: String?
        let matchID: UUID?

        init(_ p: MatchProposal) throws {
            id = try p.requireID()
            needID = p.$need.id
            expertProfileID = p.$expert.id
            score = p.score
            breakdown = p.breakdown
            alternates = p.alternates
            stableExpertProfileID = p.$stableExpert.id
            stableScore = p.stableScore
            excluded = p.excluded
            decision = p.decision.rawValue
            reason = p.reason
            matchID = p.engagementID
        }
    }

    @Sendable func runs(req: Request) async throws -> PageDTO<RunDTO> {
        try req.authorize(.list, .matchingBoard)
        let paging = try PageRequest(req)
        let total = try await MatchRun.query(on: req.db).count()
        let runs = try await MatchRun.query(on: req.db).sort(\.$startedAt, .descending).range(paging.range).all()
        let progress = try await MatchingProgress.of(runs.map { try $0.requireID() }, on: req.db)
        let items = try runs.map { try RunDTO($0, progress: progress[try $0.requireID()], req: req) }
        return PageDTO(items: items, page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func start(req: Request) async throws -> Response {
        try req.authorize(.create, .matchingBoard)
        let run = try await BatchMatchingService(app: req.application).start(by: try req.requireUser())
        let response = try await RunDTO(run, progress: await MatchingProgress.of(run.requireID(), on: req.db), req: req)
            .encodeResponse(status: .accepted, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIMatchingRoute.run.link(try run.requireID()))
        return response
    }

    @Sendable func run(req: Request) async throws -> RunDTO {
        let run = try await req.load(MatchRun.self, for: .read)
        let proposals = run.status == .completed
            ? try await MatchProposal.query(on: req.db).filter(\.$run.$id == run.requireID()).all().map(ProposalDTO.init) : nil
        return try RunDTO(run, progress: await MatchingProgress.of(run.requireID(), on: req.db), proposals: proposals, req: req)
    }

    struct DecisionInput: Content {
        var decision: String
        var expertProfileID: UUID?
        var reason: String?
    }

    struct DecisionDTO: Content {
        let proposal: ProposalDTO
        let match: MatchDTO?
    }

    @Sendable func decide(req: Request) async throws -> DecisionDTO {
        let proposal = try await req.load(MatchProposal.self, for: .decide)
        let input = try req.content.decode(DecisionInput.self)
        let choice = try ProposalDecisionService.choice(decision: input.decision, expertProfileID: input.expertProfileID, reason: input.reason)
        let engagement = try await req.registry.proposalDecisions.decide(proposal, choice, by: try req.requireUser())
        let match = try await engagement.asyncMap { try MatchDTO(try await ProposedMatches(req: req).load($0.requireID()), req: req) }
        return DecisionDTO(proposal: try ProposalDTO(proposal), match: match)
    }

    // MARK: - Matches

    struct MatchDTO: Content {
        struct Explanation: Content {
            let requiredCovered: [String: Int]
            let requiredMissing: [String]
            let preferredCovered: [String: Int]
            let sharedLanguages: [String: String]
            let knowsCountry: Bool
            let overlapDays: Int
            let periodDays: Int
            let years: Int
        }

        let id: UUID
        let needID: UUID
        let needTitle: String
        let expertProfileID: UUID
        let expertName: String
        let stage: String
        let dueDiligence: String
        let termsSigned: Bool
        let plannedMonths: Int
        let extensionMonths: Int
        let cancelReason: String?
        let score: Double
        let breakdown: [String: Double]
        let explanation: Explanation?

        init(_ e: Engagement, explanation: MatchExplanation?) throws {
            id = try e.requireID()
            needID = e.$need.id
            needTitle = e.need.title
            expertProfileID = e.$expert.id
            expertName = e.expert.fullName
            stage = e.stage.rawValue
            let state = e.state
            dueDiligence = state.dueDiligence.rawValue
            termsSigned = state.termsSigned
            plannedMonths = state.plannedMonths
            extensionMonths = state.extensionMonths
            cancelReason = e.cancelReason
            score = e.score
            breakdown = e.breakdown
            self.explanation = explanation.map { x in
                Explanation(
                    requiredCovered: Dictionary(x.requiredCovered.map { ($0.skill, $0.level) }, uniquingKeysWith: max),
                    requiredMissing: x.requiredMissing,
                    preferredCovered: Dictionary(x.preferredCovered.map { ($0.skill, $0.level) }, uniquingKeysWith: max),
                    sharedLanguages: Dictionary(x.sharedLanguages.map { ($0.code, "\($0.level)") }, uniquingKeysWith: { a, _ in a }),
                    knowsCountry: x.knowsCountry, overlapDays: x.overlapDays, periodDays: x.periodDays, years: x.years)
            }
        }

        init(_ loaded: ProposedMatches.Loaded, req: Request) throws {
            try self.init(loaded.engagement, explanation: loaded.explanation)
        }
    }

    @Sendable func matches(req: Request) async throws -> [MatchDTO] {
        try req.authorize(.list, .engagement(needOrganisationID: UUID(), expertUserID: nil))
        return try await ProposedMatches(req: req).visible().map { try MatchDTO($0, explanation: nil) }
    }

    @Sendable func match(req: Request) async throws -> MatchDTO {
        try MatchDTO(await ProposedMatches(req: req).load(req.uuidParameter()), req: req)
    }

    // MARK: - Opportunities

    struct OpportunityDTO: Content {
        let needID: UUID
        let title: String
        let supportAreas: [Int]
        let requiredSkills: [String]
        let preferredSkills: [String]
        let languages: [String]
        let stance: String
    }

    @Sendable func opportunities(req: Request) async throws -> [OpportunityDTO] {
        try req.authorize(.list, .opportunities)
        guard let profile = try await NeedInterestService.profile(of: try req.requireUser(), on: req.db) else { return [] }
        let stances = try await req.registry.needInterests.stances(of: profile)
        return try await BatchMatchingService.openNeeds(on: req.db).map { need in
            let d = need.draft
            return OpportunityDTO(needID: try need.requireID(), title: need.title, supportAreas: d.supportAreas, requiredSkills: d.requiredSkills,
                                  preferredSkills: d.preferredSkills, languages: d.languages, stance: (stances[try need.requireID()] ?? .neutral).rawValue)
        }
    }

    struct StanceInput: Content {
        var stance: String
    }

    @Sendable func setStance(req: Request) async throws -> HTTPStatus {
        try req.authorize(.update, .opportunities)
        let user = try req.requireUser()
        guard let need = try await Need.find(try req.uuidParameter(), on: req.db),
              let profile = try await NeedInterestService.profile(of: user, on: req.db) else { throw AppError.notFound }
        guard let stance = NeedInterest.Stance(rawValue: try req.content.decode(StanceInput.self).stance) else {
            throw AppError.validation([FieldError("stance", .invalidChoice)])
        }
        try await req.registry.needInterests.set(stance, on: need, for: profile, by: user)
        return .noContent
    }
}
