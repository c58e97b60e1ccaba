import Foundation
import Testing
@testable import ExchangeCore

struct AssignmentSolverTests {
    static func randomProblem(seed: UInt64, needs: Int, experts: Int, density: Double, maxDemand: Int32, maxCapacity: Int32,
                              penalty: Int64, hub: Bool = false) -> AssignmentProblem {
        var rng = SeededGenerator(seed: seed)
        var edges: [AssignmentProblem.Edge] = []
        for i in 0..<needs {
            // A hub expert is admissible for every need, the shape where most needs must stay unassigned.
            for j in 0..<experts where Double.random(in: 0..<1, using: &rng) < density || (hub && j == 0) {
                edges.append(.init(need: i, expert: j, score: Int64.random(in: 0...100, using: &rng)))
            }
        }
        return try! AssignmentProblem(
            needCount: needs, expertCount: experts, edges: edges,
            demand: (0..<needs).map { _ in Int32.random(in: 0...maxDemand, using: &rng) },
            capacity: (0..<experts).map { _ in Int32.random(in: 0...maxCapacity, using: &rng) },
            penalty: penalty, scale: 100)
    }

    /// Exhaustive search: every subset of each need's edges within its demand, respecting capacities.
    static func bruteForceOptimum(_ p: AssignmentProblem) -> Int64 {
        var load = [Int32](repeating: 0, count: p.expertCount)
        func best(from need: Int) -> Int64 {
            if need == p.needCount { return 0 }
            let edges = Array(p.rowStart[need]..<p.rowStart[need + 1])
            var result = Int64.min
            func choose(_ k: Int, _ taken: Int32, _ gained: Int64) {
                if k == edges.count || taken == p.demand[need] {
                    let open = Int64(p.demand[need] - taken)
                    result = max(result, gained - p.penalty * open + best(from: need + 1))
                    return
                }
                choose(k + 1, taken, gained)
                let j = Int(p.edgeExpert[edges[k]])
                if load[j] < p.capacity[j] {
                    load[j] += 1
                    choose(k + 1, taken + 1, gained + p.edgeScore[edges[k]])
                    load[j] -= 1
                }
            }
            choose(0, 0, 0)
            return result
        }
        return best(from: 0)
    }

    /// The solution only uses admissible edges, within every demand and capacity, and its objective adds up.
    static func checkFeasible(_ s: AssignmentSolver.Solution, _ p: AssignmentProblem) {
        var perNeed = [Int32](repeating: 0, count: p.needCount)
        var perExpert = [Int32](repeating: 0, count: p.expertCount)
        var total: Int64 = 0
        for (pair, e) in zip(s.pairs, s.edges) {
            #expect(p.rowStart[Int(pair.need)]..<p.rowStart[Int(pair.need) + 1] ~= e)
            #expect(p.edgeExpert[e] == pair.expert)
            perNeed[Int(pair.need)] += 1
            perExpert[Int(pair.expert)] += 1
            total += p.edgeScore[e]
        }
        #expect(Set(s.edges).count == s.edges.count)
        #expect(zip(perNeed, p.demand).allSatisfy { $0 <= $1 })
        #expect(zip(perExpert, p.capacity).allSatisfy { $0 <= $1 })
        let open = zip(perNeed, p.demand).reduce(0) { $0 + Int($1.1 - $1.0) }
        #expect(open == s.unassignedDemand)
        #expect(total - p.penalty * Int64(open) == s.objective)
    }

    @Test(arguments: 0..<300)
    func matchesExhaustiveSearchOnSmallRandomInstances(seed: Int) {
        let p = Self.randomProblem(seed: UInt64(seed), needs: 1 + seed % 5, experts: 1 + (seed / 5) % 5,
                                   density: 0.6, maxDemand: seed % 3 == 0 ? 2 : 1, maxCapacity: seed % 4 == 0 ? 2 : 1,
                                   penalty: Int64(seed % 7) * 10)
        let optimum = Self.bruteForceOptimum(p)
        let paths = AssignmentSolver.shortestPaths(p)
        Self.checkFeasible(paths, p)
        #expect(paths.objective == optimum, "shortest paths, seed \(seed)")
        if p.demand.allSatisfy({ $0 <= 1 }) {
            let auction = AssignmentSolver.solution(p, edges: ForwardReverseAuction(p).solve())
            Self.checkFeasible(auction, p)
            #expect(auction.objective == optimum, "auction, seed \(seed)")
        }
        #expect(AssignmentSolver().solve(p).objective == optimum)
    }

    /// Larger than exhaustive search allows: idle slots left at positive prices between phases need reverse bids.
    /// Bursts after every bid or two (the default waits for 100) put reverse bids amid the forward step, where they
    /// may take needs that are waiting to bid.
    @Test(arguments: 0..<200)
    func auctionMatchesShortestPathsOnMediumRandomInstances(seed: Int) {
        let p = Self.randomProblem(seed: UInt64(1000 + seed), needs: 10 + seed % 50, experts: 5 + (seed / 7) % 35,
                                   density: [0.05, 0.15, 0.4][seed % 3], maxDemand: 1, maxCapacity: Int32(1 + seed % 3),
                                   penalty: Int64(seed % 5) * 40, hub: seed % 4 == 0)
        let optimum = AssignmentSolver.shortestPaths(p).objective
        let frequent = ForwardReverseAuction.Bursts(every: 1 + seed % 2, length: 1 + seed % 3, limit: seed % 5 == 0 ? 2 : 1000)
        for bursts in [ForwardReverseAuction.Bursts(), frequent] {
            let auction = AssignmentSolver.solution(p, edges: ForwardReverseAuction(p).solve(bursts: bursts))
            Self.checkFeasible(auction, p)
            #expect(auction.objective == optimum, "seed \(seed), \(bursts)")
        }
    }

    @Test func theMethodFollowsTheShapeOfTheProblem() throws {
        let scarce = try AssignmentProblem(needCount: 3, expertCount: 2, edges: [.init(need: 0, expert: 0, score: 1)], penalty: 0, scale: 10)
        #expect(AssignmentSolver.Method.choose(for: scarce) == .auction)
        let ample = try AssignmentProblem(needCount: 1, expertCount: 4, edges: [.init(need: 0, expert: 0, score: 1)], penalty: 0, scale: 10)
        #expect(AssignmentSolver.Method.choose(for: ample) == .auction)
        let plenty = try AssignmentProblem(needCount: 1, expertCount: 5, edges: [.init(need: 0, expert: 0, score: 1)], penalty: 0, scale: 10)
        #expect(AssignmentSolver.Method.choose(for: plenty) == .shortestPaths)
        let several = try AssignmentProblem(needCount: 1, expertCount: 1, edges: [], demand: [2], penalty: 0, scale: 10)
        #expect(AssignmentSolver.Method.choose(for: several) == .shortestPaths)
    }

    @Test func oneExpertWantedByEveryNeedLeavesTheRestUnassigned() {
        let needs = 500
        var edges = (0..<needs).map { AssignmentProblem.Edge(need: $0, expert: 0, score: Int64(1 + $0 % 100)) }
        edges.append(.init(need: 7, expert: 1, score: 5))
        let p = try! AssignmentProblem(needCount: needs, expertCount: 2, edges: edges, penalty: 20, scale: 100)
        let s = AssignmentSolver().solve(p)
        Self.checkFeasible(s, p)
        #expect(s.pairs.count == 2)
        #expect(s.unassignedDemand == needs - 2)
        #expect(s.pairs.contains { $0.need == 7 && $0.expert == 1 })
        #expect(s.objective == 100 + 5 - 20 * Int64(needs - 2))
    }

    @Test func reroutesAnEarlierChoiceWhenThatIsBetterOverall() {
        // Need 0 alone would take expert 0 (90 > 80); need 1 can only use expert 0, so need 0 must move.
        let p = try! AssignmentProblem(needCount: 2, expertCount: 2, edges: [
            .init(need: 0, expert: 0, score: 90), .init(need: 0, expert: 1, score: 80), .init(need: 1, expert: 0, score: 70),
        ], penalty: 50, scale: 100)
        let s = AssignmentSolver().solve(p)
        #expect(s.pairs.map { [$0.need, $0.expert] } == [[0, 1], [1, 0]])
        #expect(s.objective == 150)
    }

    @Test func emptyAndEdgelessProblems() {
        let empty = try! AssignmentProblem(needCount: 0, expertCount: 0, edges: [], penalty: 10, scale: 100)
        #expect(AssignmentSolver().solve(empty).objective == 0)
        let lonely = try! AssignmentProblem(needCount: 3, expertCount: 2, edges: [], penalty: 10, scale: 100)
        let s = AssignmentSolver().solve(lonely)
        #expect(s.unassignedDemand == 3)
        #expect(s.objective == -30)
    }

    @Test func solvingIsDeterministic() {
        let several = Self.randomProblem(seed: 99, needs: 60, experts: 40, density: 0.3, maxDemand: 2, maxCapacity: 2, penalty: 30)
        let single = Self.randomProblem(seed: 98, needs: 60, experts: 40, density: 0.3, maxDemand: 1, maxCapacity: 2, penalty: 30)
        #expect(AssignmentSolver.Method.choose(for: several) == .shortestPaths)
        #expect(AssignmentSolver.Method.choose(for: single) == .auction)
        for p in [several, single] { #expect(AssignmentSolver().solve(p) == AssignmentSolver().solve(p)) }
    }

    @Test func badProblemsAreRefused() {
        #expect(throws: AssignmentProblem.InvalidInput.duplicateEdge(need: 0, expert: 1)) {
            try AssignmentProblem(needCount: 1, expertCount: 2, edges: [.init(need: 0, expert: 1, score: 1), .init(need: 0, expert: 1, score: 2)],
                                  penalty: 0, scale: 10)
        }
        #expect(throws: AssignmentProblem.InvalidInput.expertOutOfRange(need: 0, expert: 5)) {
            try AssignmentProblem(needCount: 1, expertCount: 2, edges: [.init(need: 0, expert: 5, score: 1)], penalty: 0, scale: 10)
        }
        #expect(throws: AssignmentProblem.InvalidInput.scoreOutOfRange(need: 0, expert: 1)) {
            try AssignmentProblem(needCount: 1, expertCount: 2, edges: [.init(need: 0, expert: 1, score: 11)], penalty: 0, scale: 10)
        }
    }

    /// The shared 1,000 × 1,000 fixture, whose optimum is published beside it (../shared/bench/matching).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../../shared/bench/matching/fixture_s1k_1k_k50.bin").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: fixture.path)))
    func findsThePublishedOptimumOfTheSharedFixture() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixture))
        let p = try InstanceFormats.matchSP1(bytes)
        for s in [AssignmentSolver.shortestPaths(p), AssignmentSolver.solution(p, edges: ForwardReverseAuction(p).solve())] {
            Self.checkFeasible(s, p)
            #expect(s.objective == 6_842_968)
        }
    }
}
