/// How an expert feels about a visible need.
public enum ExpertStance: Sendable, Equatable {
    case interested
    case neutral
    /// The pair is never formed.
    case declined
}

/// Need-proposing deferred acceptance (Gale–Shapley, with expert capacities).
///
/// Needs rank their admissible experts by score. Experts rank needs they marked as interesting first, then the rest,
/// each by score; they never accept a need they declined. The result is stable — no need and expert would both rather
/// be together than with what they got — and the best stable result for needs. Its total score is at most the
/// optimum's, which is what a coordinator compares.
public enum StableMatching {
    public static func needProposing(
        _ p: AssignmentProblem, stance: (_ need: Int, _ expert: Int) -> ExpertStance
    ) -> AssignmentSolver.Solution {
        // Each need's acceptable edges, best first.
        var proposals: [[Int]] = []
        proposals.reserveCapacity(p.needCount)
        for need in 0..<p.needCount {
            let edges = (p.rowStart[need]..<p.rowStart[need + 1]).filter { stance(need, Int(p.edgeExpert[$0])) != .declined }
            proposals.append(edges.sorted { (p.edgeScore[$0], -Int(p.edgeExpert[$0])) > (p.edgeScore[$1], -Int(p.edgeExpert[$1])) })
        }
        // An expert prefers interest, then score, then the lower need index.
        func preference(_ edge: Int) -> (Int, Int64, Int) {
            let need = Int(edgeNeed(p, edge))
            return (stance(need, Int(p.edgeExpert[edge])) == .interested ? 1 : 0, p.edgeScore[edge], -need)
        }
        var held = [[Int]](repeating: [], count: p.expertCount)
        var next = [Int](repeating: 0, count: p.needCount)
        var placed = [Int](repeating: 0, count: p.needCount)
        var free: [Int] = []
        for need in (0..<p.needCount).reversed() where p.demand[need] > 0 {
            free.append(contentsOf: repeatElement(need, count: Int(p.demand[need])))
        }
        while let need = free.popLast() {
            guard next[need] < proposals[need].count else { continue }
            let edge = proposals[need][next[need]]
            next[need] += 1
            let expert = Int(p.edgeExpert[edge])
            if held[expert].count < Int(p.capacity[expert]) {
                held[expert].append(edge)
                placed[need] += 1
                continue
            }
            guard let worstIndex = held[expert].indices.min(by: { preference(held[expert][$0]) < preference(held[expert][$1]) }),
                  preference(held[expert][worstIndex]) < preference(edge) else {
                free.append(need)
                continue
            }
            let dropped = Int(edgeNeed(p, held[expert][worstIndex]))
            held[expert][worstIndex] = edge
            placed[need] += 1
            placed[dropped] -= 1
            free.append(dropped)
        }
        let chosen = Set(held.joined())
        var pairs: [(need: Int32, expert: Int32)] = []
        var edges: [Int] = []
        var objective: Int64 = 0
        for need in 0..<p.needCount {
            for e in p.rowStart[need]..<p.rowStart[need + 1] where chosen.contains(e) {
                pairs.append((Int32(need), p.edgeExpert[e]))
                edges.append(e)
                objective += p.edgeScore[e]
            }
        }
        let open = p.demand.reduce(0) { $0 + Int($1) } - edges.count
        return .init(pairs: pairs, edges: edges, unassignedDemand: open, objective: objective - p.penalty * Int64(open))
    }

    static func edgeNeed(_ p: AssignmentProblem, _ edge: Int) -> Int32 {
        var low = 0, high = p.needCount
        while low < high {
            let mid = (low + high) / 2
            if p.rowStart[mid + 1] <= edge { low = mid + 1 } else { high = mid }
        }
        return Int32(low)
    }
}

/// Up to `count` other admissible experts per need, best score first, for the coordinator to fall back on.
public enum Alternates {
    public static func forEachNeed(_ p: AssignmentProblem, _ solution: AssignmentSolver.Solution, count: Int = 3) -> [[Int32]] {
        let taken = Set(solution.edges)
        return (0..<p.needCount).map { need in
            (p.rowStart[need]..<p.rowStart[need + 1]).filter { !taken.contains($0) }
                .sorted { (p.edgeScore[$0], -Int(p.edgeExpert[$0])) > (p.edgeScore[$1], -Int(p.edgeExpert[$1])) }
                .prefix(count).map { p.edgeExpert[$0] }
        }
    }
}
