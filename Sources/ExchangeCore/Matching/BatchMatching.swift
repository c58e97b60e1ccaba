/// Proposes experts for many needs at once, needs first.
///
/// Each need's admissible candidates come from the ranker (hard filters, then the weighted score). The proposal is the
/// assignment with the highest total score, where leaving a need unassigned costs `penalty`; the need-proposing stable
/// matching over the same candidates, with the experts' stated interest, is computed beside it for comparison.
///
/// Every need keeps its best `totalDemand + alternates` candidates. No optimal assignment can use a candidate ranked
/// below that, because fewer than `totalDemand` better ones can be taken by other needs, so the optimum is exact.
public enum BatchMatching {
    public struct Settings: Sendable, Equatable, Codable {
        public var weights: MatchWeights
        /// The cost of leaving a need unassigned, on the score's scale [0, 1].
        public var penalty: Double
        public var alternates: Int

        public static let standard = Settings(weights: .standard, penalty: 0.2, alternates: 3)

        public init(weights: MatchWeights, penalty: Double, alternates: Int = 3) {
            self.weights = weights
            self.penalty = penalty
            self.alternates = alternates
        }

        public var isValid: Bool { weights.isValid && penalty.isFinite && penalty >= 0 && penalty <= 1 && alternates >= 0 }
    }

    /// A candidate for a need, with the score the assignment used and its breakdown.
    public struct Candidate: Sendable, Equatable {
        public let expert: Int32
        public let score: Double
        public let breakdown: [MatchCriterion: Double]
    }

    public struct Proposal: Sendable, Equatable {
        public let need: Int
        /// The optimum's choice; nil when leaving the need unassigned scores higher.
        public let chosen: Candidate?
        public let alternates: [Candidate]
        /// The stable matching's choice, for comparison.
        public let stable: Candidate?
        public let excluded: [Exclusion: Int]
    }

    public struct Outcome: Sendable, Equatable {
        public let proposals: [Proposal]
        /// Σ scores of assigned pairs − penalty × unassigned needs.
        public let objective: Double
        public let stableObjective: Double
        public let unassigned: Int
        public let stableUnassigned: Int
    }

    /// Scores are integers in these units inside the solver, so optima are exact.
    public static let scale: Int64 = 10_000

    /// - Parameters:
    ///   - capacity: open slots of each candidate in the pool (capacity minus engagements under way).
    ///   - stance: how each expert feels about each need; declined pairs are never proposed.
    ///   - conflicts: candidates in a conflict of interest with each need, by need index.
    ///   - progress: called after each need is ranked, with the number ranked so far.
    public static func propose(
        needs: [NeedCriteria], pool: CandidatePool, capacity: [Int32], settings: Settings,
        stance: (_ need: Int, _ expert: Int32) -> ExpertStance = { _, _ in .neutral },
        conflicts: [Int: Set<Int32>] = [:], progress: (Int) -> Void = { _ in }
    ) -> Outcome {
        precondition(capacity.count == pool.count, "one capacity per candidate")
        var ranker = CandidateRanker(pool: pool, weights: settings.weights)
        let keep = needs.count + settings.alternates
        var candidates: [[Candidate]] = []
        var excluded: [[Exclusion: Int]] = []
        var edges: [AssignmentProblem.Edge] = []
        for (index, need) in needs.enumerated() {
            let ranking = ranker.rank(need, top: keep, conflicts: conflicts[index] ?? [])
            let admissible = ranking.candidates.filter { stance(index, $0.candidate) != .declined }
            candidates.append(admissible.map { Candidate(expert: $0.candidate, score: $0.score, breakdown: $0.breakdown) })
            excluded.append(ranking.excluded)
            edges += admissible.map { .init(need: index, expert: Int($0.candidate), score: units($0.score)) }
            progress(index + 1)
        }
        // Ranked candidates are distinct and scores lie in [0, 1], so the problem is always well-formed.
        let problem = try! AssignmentProblem(needCount: needs.count, expertCount: pool.count, edges: edges,
                                             capacity: capacity, penalty: units(settings.penalty), scale: scale)
        let optimum = AssignmentSolver().solve(problem)
        let stable = StableMatching.needProposing(problem) { stance($0, Int32($1)) }
        let optimalChoice = choices(optimum, needs.count)
        let stableChoice = choices(stable, needs.count)
        let proposals = needs.indices.map { need in
            let pick = { (expert: Int32?) in expert.flatMap { e in candidates[need].first { $0.expert == e } } }
            let chosen = pick(optimalChoice[need])
            return Proposal(need: need, chosen: chosen,
                            alternates: Array(candidates[need].filter { $0.expert != chosen?.expert }.prefix(settings.alternates)),
                            stable: pick(stableChoice[need]), excluded: excluded[need])
        }
        return Outcome(proposals: proposals, objective: Double(optimum.objective) / Double(scale),
                       stableObjective: Double(stable.objective) / Double(scale),
                       unassigned: optimum.unassignedDemand, stableUnassigned: stable.unassignedDemand)
    }

    static func units(_ score: Double) -> Int64 { Int64((score * Double(scale)).rounded()) }

    private static func choices(_ solution: AssignmentSolver.Solution, _ needCount: Int) -> [Int32?] {
        var choice = [Int32?](repeating: nil, count: needCount)
        for pair in solution.pairs { choice[Int(pair.need)] = pair.expert }
        return choice
    }
}
