import Testing
@testable import ExchangeCore

struct StableMatchingTests {
    static func stance(seed: Int) -> (Int, Int) -> ExpertStance {
        { need, expert in
            switch (need &* 31 &+ expert &* 17 &+ seed) % 7 {
            case 0: .declined
            case 1, 2: .interested
            default: .neutral
            }
        }
    }

    @Test(arguments: 0..<100)
    func isStableAndNeverBeatsTheOptimum(seed: Int) {
        let p = AssignmentSolverTests.randomProblem(seed: UInt64(seed) + 1000, needs: 2 + seed % 7, experts: 1 + seed % 5, density: 0.6,
                                                    maxDemand: 1, maxCapacity: 2, penalty: 10)
        let stance = Self.stance(seed: seed)
        let stable = StableMatching.needProposing(p, stance: stance)
        AssignmentSolverTests.checkFeasible(stable, p)
        #expect(stable.objective <= AssignmentSolver().solve(p).objective)
        #expect(!stable.pairs.contains { stance(Int($0.need), Int($0.expert)) == .declined })

        // No blocking pair: a need that prefers an expert it did not get, who has room or prefers that need to someone held.
        var assigned: [Int: Int] = [:]
        var held = [[Int]](repeating: [], count: p.expertCount)
        for edge in stable.edges {
            let need = Int(StableMatching.edgeNeed(p, edge))
            assigned[need] = edge
            held[Int(p.edgeExpert[edge])].append(edge)
        }
        func expertPrefers(_ e1: Int, over e2: Int) -> Bool {
            let n1 = Int(StableMatching.edgeNeed(p, e1)), n2 = Int(StableMatching.edgeNeed(p, e2))
            let a = (stance(n1, Int(p.edgeExpert[e1])) == .interested ? 1 : 0, p.edgeScore[e1], -n1)
            let b = (stance(n2, Int(p.edgeExpert[e2])) == .interested ? 1 : 0, p.edgeScore[e2], -n2)
            return a > b
        }
        for need in 0..<p.needCount where p.demand[need] == 1 {
            for e in p.rowStart[need]..<p.rowStart[need + 1] where stance(need, Int(p.edgeExpert[e])) != .declined && assigned[need] != e {
                let needPrefers = assigned[need].map { (p.edgeScore[e], -Int(p.edgeExpert[e])) > (p.edgeScore[$0], -Int(p.edgeExpert[$0])) } ?? true
                guard needPrefers else { continue }
                let expert = Int(p.edgeExpert[e])
                let hasRoom = held[expert].count < Int(p.capacity[expert])
                let wouldSwap = held[expert].contains { expertPrefers(e, over: $0) }
                #expect(!(hasRoom || wouldSwap), "blocking pair: need \(need), expert \(expert), seed \(seed)")
            }
        }
    }

    @Test func interestWinsTiesForAnExpert() {
        let p = try! AssignmentProblem(needCount: 2, expertCount: 1, edges: [.init(need: 0, expert: 0, score: 90), .init(need: 1, expert: 0, score: 60)],
                                       penalty: 0, scale: 100)
        let result = StableMatching.needProposing(p) { need, _ in need == 1 ? .interested : .neutral }
        #expect(result.pairs.map(\.need) == [1], "the expert takes the need they marked interest in")
        #expect(AssignmentSolver().solve(p).pairs.map(\.need) == [0], "the optimum ignores interest")
    }

    @Test func alternatesAreTheBestOtherExperts() {
        let p = try! AssignmentProblem(needCount: 1, expertCount: 5, edges: (0..<5).map { .init(need: 0, expert: $0, score: Int64(10 * ($0 + 1))) },
                                       penalty: 0, scale: 100)
        let solution = AssignmentSolver().solve(p)
        #expect(solution.pairs.map(\.expert) == [4])
        #expect(Alternates.forEachNeed(p, solution) == [[3, 2, 1]])
    }
}
