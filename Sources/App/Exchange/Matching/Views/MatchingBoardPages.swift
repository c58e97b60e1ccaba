import ExchangeCore
import Foundation

/// The programme's matching settings as label and value lines, on the board and on each run.
struct SettingLine: Encodable, Sendable, Equatable {
    let label: String
    let value: String

    static func lines(_ s: BatchMatching.Settings, _ text: some Translating) -> [SettingLine] {
        MatchCriterion.allCases.map { SettingLine(label: text.t("criterion.\($0.rawValue)"), value: ScoreText.decimal(s.weights[$0])) }
            + [SettingLine(label: text.t("matching.penalty"), value: ScoreText.decimal(s.penalty)),
               SettingLine(label: text.t("matching.alternates"), value: String(s.alternates))]
    }
}

/// The coordinator's matching board: what is open, the recent runs and the settings the next run uses.
struct MatchingBoardPage: PageModel {
    static let template = "matching_board"
    let titleKey = "matching.title"

    struct RunRow: Encodable, Sendable, Equatable {
        let href: String
        let started: String
        let status: String
        let needs: Int
        let objective: String
    }

    let openNeeds: Int
    let needsAwaitingBody: Int
    let running: Bool
    let runs: [RunRow]
    let settings: [SettingLine]

    /// `runs` newest first.
    init(openNeeds: Int, needsAwaitingBody: Int, runs: [MatchRun], settings: BatchMatching.Settings, text: some Translating) throws {
        self.openNeeds = openNeeds
        self.needsAwaitingBody = needsAwaitingBody
        running = runs.contains { $0.status == .running }
        self.runs = try runs.map { run in
            RunRow(href: MatchingBoardRoute.run.link(try run.requireID()), started: text.dateTime(run.startedAt),
                   status: text.t("matching.status.\(run.status.rawValue)"), needs: run.needCount, objective: run.objective.map(ScoreText.decimal) ?? "—")
        }
        self.settings = SettingLine.lines(settings, text)
    }
}

/// One batch run: its progress while it runs, then each need's proposal with the decision form.
struct MatchingRunPage: PageModel {
    static let template = "matching_run"
    let titleKey = "matching.run_title"

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
    let proposals: [ProposalCard]
    let hasProposals: Bool
    let comparisonHref: String
    let historyHref: String

    /// `progress` is nil once no job works on the run: a run still marked running without one has stopped.
    init(run: MatchRun, progress: MatchingProgress?, proposals: [ProposalCard], text: some Translating) throws {
        let id = try run.requireID()
        self.id = id.pathSegment
        running = run.status == .running && progress != nil
        failed = run.status == .failed || (run.status == .running && progress == nil)
        completed = run.status == .completed
        percent = run.status == .running ? progress?.percent ?? 0 : 100
        message = Self.message(run, progress, text)
        started = text.dateTime(run.startedAt)
        needs = run.needCount
        objective = run.objective.map(ScoreText.decimal) ?? "—"
        stableObjective = run.stableObjective.map(ScoreText.decimal) ?? "—"
        unassigned = run.unassigned ?? 0
        settings = SettingLine.lines(run.settings, text)
        self.proposals = proposals
        hasProposals = !proposals.isEmpty
        comparisonHref = MatchingBoardRoute.comparison.link(id)
        historyHref = AuditPageRoute.history(of: "match_run", id)
    }

    /// Where the run stands, in words.
    static func message(_ run: MatchRun, _ p: MatchingProgress?, _ text: some Translating) -> String {
        switch run.status {
        case .completed: return text.t("matching.status.completed")
        case .failed: return text.t(run.failure ?? "matching.failure.internal")
        case .running:
            guard let p else { return text.t("matching.failure.interrupted") }
            return p.phase == .ranking ? text.t("matching.phase.ranking", String(p.done), String(p.total)) : text.t("matching.phase.\(p.phase.rawValue)")
        }
    }
}

/// The optimal assignment beside the stable one, need by need.
struct MatchingComparisonPage: PageModel {
    static let template = "matching_comparison"
    let titleKey = "matching.comparison_title"

    struct ComparisonRow: Encodable, Sendable, Equatable {
        let need: String
        let optimal: String
        let optimalScore: String
        let stable: String
        let stableScore: String
        let differs: Bool
    }

    let runHref: String
    let objective: String
    let stableObjective: String
    let gap: String
    let unassigned: Int
    let stableUnassigned: Int
    let rows: [ComparisonRow]
    let differing: Int

    /// `proposals` with their need and both experts loaded, in the order shown.
    init(run: MatchRun, proposals: [MatchProposal], text: some Translating) throws {
        let none = text.t("matching.unassigned")
        rows = proposals.map { p in
            ComparisonRow(need: p.need.title, optimal: p.expert?.fullName ?? none, optimalScore: p.score.map { ScoreText.percent($0, text) } ?? "—",
                          stable: p.stableExpert?.fullName ?? none, stableScore: p.stableScore.map { ScoreText.percent($0, text) } ?? "—",
                          differs: p.$expert.id != p.$stableExpert.id)
        }
        let objective = run.objective ?? 0, stable = run.stableObjective ?? 0
        runHref = MatchingBoardRoute.run.link(try run.requireID())
        self.objective = ScoreText.decimal(objective)
        stableObjective = ScoreText.decimal(stable)
        gap = ScoreText.decimal(objective - stable)
        unassigned = run.unassigned ?? 0
        stableUnassigned = run.stableUnassigned ?? 0
        differing = rows.filter(\.differs).count
    }
}
