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

    @Sendable func board(req: Request) async throws -> View {
        try req.authorize(.list, .matchingBoard)
        let service = BatchMatchingService(app: req.application)
        try await service.markInterruptedRuns()
        let runs = try await MatchRun.query(on: req.db).sort(\.$startedAt, .descending).range(..<20).all()
        return try await req.page(try MatchingBoardPage(
            openNeeds: try await BatchMatchingService.openNeeds(on: req.db).count,
            needsAwaitingBody: try await BatchMatchingService.needsAwaitingBody(on: req.db),
            runs: runs, settings: try await ProgrammeSettings(db: req.db).matching(), text: req))
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
                            message: MatchingRunPage.message(run, p, req))
    }

    private func load(_ req: Request) async throws -> MatchRun {
        let run = try await req.load(MatchRun.self, for: .read)
        return run
    }

    @Sendable func run(req: Request) async throws -> View {
        try await runPage(req, try await load(req))
    }

    func runPage(_ req: Request, _ run: MatchRun, errors: [FieldError] = [], failedProposal: UUID? = nil, values: [String: String] = [:]) async throws -> View {
        let proposals = run.status == .completed ? try await ProposalViews(req: req).cards(for: run, errors: errors, failed: failedProposal, values: values) : []
        return try await req.page(try MatchingRunPage(run: run, progress: try await MatchingProgress.of(run.requireID(), on: req.db), proposals: proposals,
                                                      text: req))
    }

    // MARK: - Decisions

    struct DecisionForm: Content {
        var action: String?
        var expertProfileID: String?
        var reason: String?
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let proposal = try await req.load(MatchProposal.self, for: .decide)
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

    @Sendable func comparison(req: Request) async throws -> View {
        let run = try await load(req)
        guard run.status == .completed else { throw AppError.conflict(code: "matching_run_not_completed") }
        let proposals = try await MatchProposal.query(on: req.db).filter(\.$run.$id == run.requireID())
            .with(\.$need).with(\.$expert).with(\.$stableExpert).all()
            .sorted { $0.need.title.localizedStandardCompare($1.need.title) == .orderedAscending }
        return try await req.page(try MatchingComparisonPage(run: run, proposals: proposals, text: req))
    }
}
