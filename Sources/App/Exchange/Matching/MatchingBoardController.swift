import ExchangeCore
import Fluent
import Vapor

/// The coordinator's matching board: start a batch proposal, follow its progress, then confirm or override each
/// need's proposal with a reason.
struct MatchingBoardController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(MatchingBoardRoute.board, use: board)
        routes.on(MatchingBoardRoute.start, use: start)
        routes.on(MatchingBoardRoute.run, use: run)
        routes.on(MatchingBoardRoute.progress, use: progress)
        routes.on(MatchingBoardRoute.comparison, use: comparison)
        routes.on(MatchingBoardRoute.decide, use: decide)
    }

    // MARK: - Board

    struct RunRow: Encodable {
        let href: String
        let started: String
        let status: String
        let needs: Int
        let objective: String
    }

    struct BoardPage: Encodable {
        let openNeeds: Int
        let needsAwaitingBody: Int
        let running: Bool
        let runs: [RunRow]
        let settings: [SettingLine]
    }

    struct SettingLine: Encodable {
        let label: String
        let value: String
    }

    @Sendable func board(req: Request) async throws -> View {
        try req.authorize(.list, .matchingBoard)
        let service = BatchMatchingService(app: req.application)
        try await service.markInterruptedRuns()
        let runs = try await MatchRun.query(on: req.db).sort(\.$startedAt, .descending).range(..<20).all()
        let settings = try await ProgrammeSettings(db: req.db).matching()
        return try await req.page("matching_board", title: "matching.title", BoardPage(
            openNeeds: try await BatchMatchingService.openNeeds(on: req.db).count,
            needsAwaitingBody: try await BatchMatchingService.needsAwaitingBody(on: req.db),
            running: runs.contains { $0.status == .running },
            runs: runs.map { run in
                RunRow(href: MatchingBoardRoute.run.link(try run.requireID()), started: run.startedAt.formatted(.iso8601), status: req.t("matching.status.\(run.status.rawValue)"),
                       needs: run.needCount, objective: run.objective.map(ScoreText.decimal) ?? "—")
            },
            settings: Self.settingLines(settings, req)))
    }

    static func settingLines(_ s: BatchMatching.Settings, _ req: Request) -> [SettingLine] {
        MatchCriterion.allCases.map { SettingLine(label: req.t("criterion.\($0.rawValue)"), value: ScoreText.decimal(s.weights[$0])) }
            + [SettingLine(label: req.t("matching.penalty"), value: ScoreText.decimal(s.penalty)),
               SettingLine(label: req.t("matching.alternates"), value: String(s.alternates))]
    }

    @Sendable func start(req: Request) async throws -> Response {
        try req.authorize(.create, .matchingBoard)
        let run = try await BatchMatchingService(app: req.application).start(by: try req.requireUser())
        return req.redirect(to: MatchingBoardRoute.run.link(try run.requireID()))
    }

    // MARK: - One run

    struct ProgressBody: Content {
        let status: String
        let percent: Int
        let message: String
    }

    @Sendable func progress(req: Request) async throws -> ProgressBody {
        let run = try await load(req)
        let p = try await MatchingProgress.of(run.requireID(), on: req.db)
        // A run without a job to finish it has stopped, whatever the run's row still says.
        let status = run.status == .running && p == nil ? MatchRun.Status.failed : run.status
        return ProgressBody(status: status.rawValue, percent: run.status == .running ? p?.percent ?? 0 : 100,
                            message: Self.progressMessage(run, p, req))
    }

    static func progressMessage(_ run: MatchRun, _ p: MatchingProgress?, _ req: Request) -> String {
        switch run.status {
        case .completed: return req.t("matching.status.completed")
        case .failed: return req.t(run.failure ?? "matching.failure.internal")
        case .running:
            guard let p else { return req.t("matching.failure.interrupted") }
            return p.phase == .ranking ? req.t("matching.phase.ranking", String(p.done), String(p.total)) : req.t("matching.phase.\(p.phase.rawValue)")
        }
    }

    private func load(_ req: Request) async throws -> MatchRun {
        try req.authorize(.read, .matchingBoard)
        guard let run = try await MatchRun.find(try req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        return run
    }

    @Sendable func run(req: Request) async throws -> View {
        try await runPage(req, try await load(req))
    }

    func runPage(_ req: Request, _ run: MatchRun, errors: [FieldError] = [], failedProposal: UUID? = nil, values: [String: String] = [:]) async throws -> View {
        let progress = try await MatchingProgress.of(run.requireID(), on: req.db)
        let proposals = run.status == .completed ? try await ProposalViews(req: req).cards(for: run, errors: errors, failed: failedProposal, values: values) : []
        let page = RunPage(
            id: try run.requireID().uuidString.lowercased(), running: run.status == .running && progress != nil,
            failed: run.status == .failed || (run.status == .running && progress == nil),
            completed: run.status == .completed,
            percent: run.status == .running ? progress?.percent ?? 0 : 100,
            message: Self.progressMessage(run, progress, req),
            started: run.startedAt.formatted(.iso8601), needs: run.needCount,
            objective: run.objective.map(ScoreText.decimal) ?? "—", stableObjective: run.stableObjective.map(ScoreText.decimal) ?? "—",
            unassigned: run.unassigned ?? 0, settings: Self.settingLines(run.settings, req),
            proposals: proposals, hasProposals: !proposals.isEmpty,
            comparisonHref: MatchingBoardRoute.comparison.link(try run.requireID()),
            historyHref: AuditPageRoute.history(of: "match_run", try run.requireID()))
        return try await req.page("matching_run", title: "matching.run_title", page)
    }

    struct RunPage: Encodable {
        let id: String
        let running: Bool
        let failed: Bool
        let completed: Bool
        let percent: Int
        let message: String
        let started: String
        let needs: Int
        let objective: String
        let stableObjective: String
        let unassigned: Int
        let settings: [SettingLine]
        let proposals: [ProposalViews.Card]
        let hasProposals: Bool
        let comparisonHref: String
        let historyHref: String
    }

    // MARK: - Decisions

    struct DecisionForm: Content {
        var action: String?
        var expertProfileID: String?
        var reason: String?
    }

    @Sendable func decide(req: Request) async throws -> Response {
        try req.authorize(.decide, .matchingBoard)
        guard let proposal = try await MatchProposal.find(try req.uuidParameter(), on: req.db) else { throw AppError.notFound }
        let form = try req.content.decode(DecisionForm.self)
        let raw = form.expertProfileID ?? ""
        guard raw.isEmpty || UUID(uuidString: raw) != nil else { throw AppError.validation([FieldError("expertProfileID", .invalidChoice)]) }
        let choice = try ProposalDecisionService.choice(decision: form.action, expertProfileID: UUID(uuidString: raw), reason: form.reason)
        return try await req.formAgainIfInvalid {
            let engagement = try await req.registry.proposalDecisions.decide(proposal, choice, by: try req.requireUser())
            req.flash(engagement == nil ? "matching.left_unassigned" : "matching.match_proposed")
            return req.redirect(to: MatchingBoardRoute.run.link(proposal.$run.id) + "#proposal-\(try proposal.requireID().uuidString.lowercased())")
        } form: { errors in
            let run = try await proposal.$run.get(on: req.db)
            return try await runPage(req, run, errors: errors, failedProposal: proposal.id,
                                     values: ["expertProfileID": form.expertProfileID ?? "", "reason": form.reason ?? ""])
        }
    }

    // MARK: - Stable matching beside the optimum

    struct ComparisonRow: Encodable {
        let need: String
        let optimal: String
        let optimalScore: String
        let stable: String
        let stableScore: String
        let differs: Bool
    }

    struct ComparisonPage: Encodable {
        let runHref: String
        let objective: String
        let stableObjective: String
        let gap: String
        let unassigned: Int
        let stableUnassigned: Int
        let rows: [ComparisonRow]
        let differing: Int
    }

    @Sendable func comparison(req: Request) async throws -> View {
        let run = try await load(req)
        guard run.status == .completed else { throw AppError.conflict(code: "matching_run_not_completed") }
        let proposals = try await MatchProposal.query(on: req.db).filter(\.$run.$id == run.requireID())
            .with(\.$need).with(\.$expert).with(\.$stableExpert).all()
            .sorted { $0.need.title.localizedStandardCompare($1.need.title) == .orderedAscending }
        let none = req.t("matching.unassigned")
        let rows = proposals.map { p in
            ComparisonRow(need: p.need.title, optimal: p.expert?.fullName ?? none, optimalScore: p.score.map(ScoreText.percent) ?? "—",
                          stable: p.stableExpert?.fullName ?? none, stableScore: p.stableScore.map(ScoreText.percent) ?? "—",
                          differs: p.$expert.id != p.$stableExpert.id)
        }
        let objective = run.objective ?? 0, stable = run.stableObjective ?? 0
        return try await req.page("matching_comparison", title: "matching.comparison_title", ComparisonPage(
            runHref: MatchingBoardRoute.run.link(try run.requireID()), objective: ScoreText.decimal(objective), stableObjective: ScoreText.decimal(stable),
            gap: ScoreText.decimal(objective - stable), unassigned: run.unassigned ?? 0, stableUnassigned: run.stableUnassigned ?? 0,
            rows: rows, differing: rows.filter(\.differs).count))
    }
}
