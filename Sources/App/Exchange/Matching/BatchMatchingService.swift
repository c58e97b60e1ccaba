import ExchangeCore
import Fluent
import Foundation
import Vapor

/// Starts batch proposals over every open, screened need and runs them in the background.
struct BatchMatchingService {
    let app: Application

    private var db: Database { app.db }

    /// Needs that can be matched: screened eligible, from a body whose participation is eligible, and not already in
    /// a proposed match or engagement.
    static func openNeeds(on db: Database) async throws -> [Need] {
        let taken = Set(try await matchedNeeds(on: db).all(\.$need.$id))
        return try await screenedNeeds(on: db).filter(Organisation.self, \.$participationStatus == .eligible)
            .sort(\.$createdAt).sort(\.$id).all()
            .filter { !taken.contains(try $0.requireID()) }
    }

    /// Eligible needs held back only because their body's participation is not (yet) eligible.
    static func needsAwaitingBody(on db: Database) async throws -> Int {
        try await screenedNeeds(on: db).group(.or) {
            $0.filter(Organisation.self, \.$participationStatus == nil).filter(Organisation.self, \.$participationStatus != .eligible)
        }.count()
    }

    private static func screenedNeeds(on db: Database) -> QueryBuilder<Need> {
        Need.query(on: db).join(Organisation.self, on: \Need.$organisation.$id == \Organisation.$id).filter(\.$status == .eligible)
    }

    static func isOpen(_ need: Need, on db: Database) async throws -> Bool {
        guard need.status == .eligible,
              try await Organisation.find(need.$organisation.id, on: db)?.participationStatus == .eligible else { return false }
        return try await !isMatched(need, on: db)
    }

    static func isMatched(_ need: Need, on db: Database) async throws -> Bool {
        try await matchedNeeds(on: db).filter(\.$need.$id == need.requireID()).count() > 0
    }

    /// Engagements that take their need off the market: every one but a cancelled one.
    private static func matchedNeeds(on db: Database) -> QueryBuilder<Engagement> {
        Engagement.query(on: db).filter(\.$stage != .cancelled)
    }

    /// Records the run and queues its job in one transaction; one run at a time. Any worker of any instance runs it.
    func start(by user: User) async throws -> MatchRun {
        try await markInterruptedRuns()
        let settings = try await ProgrammeSettings(db: db).matching()
        return try await app.auditLog.transaction(on: db, actor: .user(user.requireID())) { [clock = app.clock] scope in
            // Checked where runs are recorded, so simultaneous starts make one run.
            if try await MatchRun.query(on: scope.db).filter(\.$status == .running).first() != nil {
                throw AppError.conflict(code: "matching_run_in_progress")
            }
            let needCount = try await Self.openNeeds(on: scope.db).count
            let run = MatchRun()
            run.id = UUID()
            run.status = .running
            run.settings = settings
            run.needCount = needCount
            run.startedBy = try user.requireID()
            run.startedAt = clock.now()
            try await run.create(on: scope.db)
            try await JobQueue(db: scope.db).enqueue(.matching, subject: run.requireID(), now: clock.now())
            try await scope.record(.matchRunStart, .matchRun(run.requireID()), changes: ["needs": String(needCount), "settings": try AuditText.json(settings)])
            return run
        }
    }

    /// A run marked running without a job to finish it (left by a version that ran jobs in memory) can never finish.
    func markInterruptedRuns() async throws {
        let running = try await MatchRun.query(on: db).filter(\.$status == .running).all()
        let jobs = try await JobRecord.unfinished(.matching, subjects: running.map { try $0.requireID() }, on: db)
        for run in running where jobs[try run.requireID()] == nil {
            try await fail(run, failure: "matching.failure.interrupted")
        }
    }

    static func jobHandler(_ app: Application) -> JobHandler {
        JobHandler(
            run: { job, progress in try await BatchMatchingService(app: app).execute(job.subjectID, progress: progress) },
            failed: { job, _ in
                guard let run = try await MatchRun.find(job.subjectID, on: app.db) else { return }
                try await BatchMatchingService(app: app).fail(run, failure: "matching.failure.internal")
            },
            retried: { job, scope in
                try await MatchRun.query(on: scope.db).filter(\.$id == job.subjectID).filter(\.$status == .failed)
                    .set(\.$status, to: .running).set(\.$failure, to: nil).set(\.$finishedAt, to: nil).update()
            })
    }

    /// Computes and saves the proposal. Safe to run again after a crash: a run already finished is left alone.
    func execute(_ runID: UUID, progress: JobProgress) async throws {
        guard let run = try await MatchRun.find(runID, on: db), run.status == .running else { return }
        let input = try await loadInput()
        let settings = run.settings
        let total = input.needs.count
        progress.report(phase: MatchingProgress.Phase.ranking.rawValue, done: 0, total: total)
        // On the thread pool: tasks may share threads with the event loops that serve requests.
        let outcome = try await app.threadPool.runIfActive {
            BatchMatching.propose(needs: input.criteria, pool: input.data.pool, capacity: input.data.openPlaces, settings: settings,
                                  stance: { input.stances[$0]?[$1]?.expertStance ?? .neutral }) { done in
                progress.report(phase: (done == total ? MatchingProgress.Phase.solving : .ranking).rawValue, done: done, total: total)
            }
        }
        progress.report(phase: MatchingProgress.Phase.saving.rawValue, done: total, total: total)
        do {
            try await save(outcome, of: run, input: input)
        } catch AppError.conflict {
            return  // finished meanwhile (an earlier attempt saved it): nothing more to do
        }
    }

    struct Input: Sendable {
        let needs: [Need]
        let criteria: [NeedCriteria]
        let data: MatchingData
        /// need index → candidate index → stance
        let stances: [Int: [Int32: NeedInterest.Stance]]
    }

    private func loadInput() async throws -> Input {
        let needs = try await Self.openNeeds(on: db)
        let data = try await MatchingData.load(on: db, taxonomy: app.taxonomy)
        let countries = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).all().map { (try $0.requireID(), $0.country) })
        let needIndex = Dictionary(uniqueKeysWithValues: try needs.enumerated().map { (try $0.element.requireID(), $0.offset) })
        var stances: [Int: [Int32: NeedInterest.Stance]] = [:]
        for interest in try await NeedInterest.query(on: db).all() {
            guard let need = needIndex[interest.$need.id], let expert = data.index(of: interest.$expert.id) else { continue }
            stances[need, default: [:]][expert] = interest.stance
        }
        return Input(needs: needs, criteria: needs.map { data.criteria(for: $0, country: countries[$0.$organisation.id] ?? "") },
                     data: data, stances: stances)
    }

    private func save(_ outcome: BatchMatching.Outcome, of run: MatchRun, input: Input) async throws {
        let ids = try input.data.profiles.map { try $0.requireID() }
        let profileID = { @Sendable (candidate: Int32) in ids[Int(candidate)] }
        try await app.auditLog.transaction(on: db, actor: .system("matching")) { [clock = app.clock] scope in
            try await Self.requireRunning(run.requireID(), on: scope.db)
            for proposal in outcome.proposals {
                let row = MatchProposal()
                row.id = UUID()
                row.$run.id = try run.requireID()
                row.$need.id = try input.needs[proposal.need].requireID()
                row.$expert.id = proposal.chosen.map { profileID($0.expert) }
                row.score = proposal.chosen?.score
                row.breakdown = Self.named(proposal.chosen?.breakdown ?? [:])
                row.alternates = proposal.alternates.map {
                    MatchProposal.Alternate(expertProfileID: profileID($0.expert), score: $0.score, breakdown: Self.named($0.breakdown))
                }
                row.$stableExpert.id = proposal.stable.map { profileID($0.expert) }
                row.stableScore = proposal.stable?.score
                row.excluded = Self.named(proposal.excluded)
                row.decision = .pending
                try await row.create(on: scope.db)
            }
            run.status = .completed
            run.objective = outcome.objective
            run.stableObjective = outcome.stableObjective
            run.unassigned = outcome.unassigned
            run.stableUnassigned = outcome.stableUnassigned
            run.finishedAt = clock.now()
            try await run.save(on: scope.db)
            try await scope.record(.matchRunComplete, .matchRun(run.requireID()), changes: [
                "objective": String(format: "%.4f", outcome.objective), "stable_objective": String(format: "%.4f", outcome.stableObjective),
                "unassigned": String(outcome.unassigned), "proposals": String(outcome.proposals.count),
            ])
            try await Notifier(clock: clock).notify(run.startedBy, "notification.match_run_completed", arguments: [String(outcome.proposals.count)],
                                                    link: MatchingBoardRoute.run.link(try run.requireID()), on: scope.db)
        }
    }

    /// Marks a run failed unless it has finished meanwhile, which leaves it as it is.
    private func fail(_ run: MatchRun, failure: String) async throws {
        do {
            try await app.auditLog.transaction(on: db, actor: .system("matching")) { [clock = app.clock] scope in
                try await Self.requireRunning(run.requireID(), on: scope.db)
                run.status = .failed
                run.failure = failure
                run.finishedAt = clock.now()
                try await run.save(on: scope.db)
                try await scope.record(.matchRunFail, .matchRun(run.requireID()), changes: ["failure": failure])
            }
        } catch AppError.conflict {
            return
        }
    }

    /// A run finishes once: completing or failing it decides on its stored status.
    private static func requireRunning(_ runID: UUID, on db: Database) async throws {
        guard try await MatchRun.find(runID, on: db)?.status == .running else { throw AppError.conflict(code: "matching_run_finished") }
    }

    /// Criterion or exclusion keys as their stored names.
    static func named<Key: RawRepresentable, Value>(_ values: [Key: Value]) -> [String: Value] where Key.RawValue == String {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }
}
