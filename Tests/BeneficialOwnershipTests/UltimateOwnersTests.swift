import Foundation
import Testing
@testable import BeneficialOwnership

struct UltimateOwnersTests {
    /// Builds a graph from (subject, owner, share in percent or nil, control) rows; names starting with "p" are people.
    static func graph(_ rows: [(String, String, ClosedRange<Double>?, Bool)]) -> OwnershipGraph {
        var graph = OwnershipGraph()
        for (index, (subject, owner, share, control)) in rows.enumerated() {
            for name in [subject, owner] where graph.node(name) == nil {
                graph.add(name, kind: name.hasPrefix("p") ? .person(unspecified: nil) : .entity(unspecified: nil))
            }
            var interests: [Interest] = []
            if let share { interests.append(Interest(type: "shareholding", share: ShareRange(minimum: share.lowerBound / 100, maximum: share.upperBound / 100))) }
            if control { interests.append(Interest(type: "appointmentOfBoard", share: nil)) }
            graph.relate(id: "r\(index)", subject: subject, owner: .record(owner), interests: interests)
        }
        return graph
    }

    static func holdings(_ graph: OwnershipGraph, _ target: String) -> [String: Holding] {
        var owners = UltimateOwners(graph: graph)
        let node = graph.node(target)!
        return Dictionary(uniqueKeysWithValues: owners.holdings(of: node).filter { $0.party != node }.map { (graph.ids[$0.party], $0) })
    }

    @Test(arguments: 1...10) func multipliesAlongAChain(depth: Int) {
        var rows: [(String, String, ClosedRange<Double>?, Bool)] = [("c\(depth)", "p1", 80...80, false)]
        for level in stride(from: depth, to: 1, by: -1) { rows.append(("c\(level - 1)", "c\(level)", 90...90, false)) }
        let owner = Self.holdings(Self.graph(rows), "c1")["p1"]
        let expected = 0.8 * pow(0.9, Double(depth - 1))
        #expect(owner.map { abs($0.share.minimum - expected) < 1e-12 } == true)
        #expect(owner?.controls == true, "a majority at every step is control")
        #expect(owner?.paths == 1)
    }

    @Test func sumsParallelPaths() {
        let graph = Self.graph([("c", "a", 50...50, false), ("c", "b", 50...50, false), ("a", "p1", 30...30, false), ("b", "p1", 30...30, false)])
        let owner = Self.holdings(graph, "c")["p1"]
        #expect(owner?.share.isClose(to: ShareRange(exactly: 0.3)) == true)
        #expect(owner?.paths == 2)
        #expect(owner?.standing(threshold: 0.25) == .owner)
    }

    @Test func carriesRangesThrough() {
        let graph = Self.graph([("c", "h", 50...75, false), ("h", "p1", 25...50, false)])
        let owner = Self.holdings(graph, "c")["p1"]
        #expect(owner?.share.isClose(to: ShareRange(minimum: 0.125, maximum: 0.375)) == true)
        #expect(owner?.standing(threshold: 0.25) == .possibleOwner)
        #expect(owner?.standing(threshold: 0.10) == .owner)
    }

    @Test func countsControlWithoutShares() {
        let graph = Self.graph([("c", "p1", nil, true), ("c", "p2", 10...10, false)])
        let owners = Self.holdings(graph, "c")
        #expect(owners["p1"]?.standing(threshold: 0.25) == .controller)
        #expect(owners["p1"]?.share == ShareRange.zero)
        #expect(owners["p2"]?.standing(threshold: 0.25) == .below)
    }

    @Test func stopsAtAMinorityLinkForControl() {
        let graph = Self.graph([("c", "h", 40...40, false), ("h", "p1", nil, true)])
        #expect(Self.holdings(graph, "c")["p1"]?.controls == false)
    }

    /// Two companies holding half of each other, each with one person holding the other half: neither person may
    /// reach 100%, the total stays at most the whole, and both cross-holdings are used.
    @Test func walksACycleOnce() {
        let graph = Self.graph([("alpha", "beta", 50...50, false), ("beta", "alpha", 50...50, false),
                                ("alpha", "p-ana", 50...50, false), ("beta", "p-ben", 50...50, false)])
        let alpha = Self.holdings(graph, "alpha")
        #expect(alpha["p-ana"]?.share.isClose(to: ShareRange(exactly: 0.5)) == true)
        #expect(alpha["p-ben"]?.share.isClose(to: ShareRange(exactly: 0.25)) == true, "through beta's half of alpha")
        let beta = Self.holdings(graph, "beta")
        #expect(beta["p-ana"]?.share.isClose(to: ShareRange(exactly: 0.25)) == true, "through alpha's half of beta")
        let total = alpha.values.reduce(0) { $0 + $1.share.maximum }
        #expect(total <= 1)
    }

    @Test func endsAtAPureCycleWithoutOwners() {
        let graph = Self.graph([("alpha", "beta", 100...100, false), ("beta", "alpha", 100...100, false), ("alpha", "alpha", 10...10, false)])
        #expect(Self.holdings(graph, "alpha").isEmpty)
    }

    @Test func showsAnUnspecifiedOwnerWithItsReason() {
        var graph = OwnershipGraph()
        graph.add("c", kind: .entity(unspecified: nil))
        let why = Unspecified(reason: "interestedPartyExemptFromDisclosure", description: "Listed")
        graph.relate(id: "r1", subject: "c", owner: .unspecified(why), interests: [Interest(type: "shareholding", share: ShareRange(exactly: 1))])
        let owner = Self.holdings(graph, "c")["unspecified:r1"]
        #expect(owner?.standing(threshold: 0.25) == .owner)
        #expect(graph.kinds[graph.node("unspecified:r1")!] == .person(unspecified: why))
    }

    @Test func agreesWithBruteForceOnRandomGraphs() {
        var generator = SplitMix(seed: 2026)
        for _ in 0..<300 {
            let graph = Self.randomGraph(&generator)
            var owners = UltimateOwners(graph: graph)
            owners.computeAll()
            for node in graph.ids.indices where !graph.isTerminal(node) {
                let fast = owners.holdings(of: node).filter { $0.party != node }
                let slow = Self.bruteForce(graph, node)
                #expect(fast.count == slow.count)
                for holding in fast {
                    let expected = slow[holding.party]
                    #expect(expected.map { holding.share.isClose(to: $0.share.clamped) && holding.controls == $0.controls && holding.paths == $0.paths } == true,
                            "node \(graph.ids[node]) party \(graph.ids[holding.party])")
                }
            }
        }
    }

    /// Every simple path from `target` up to a chain's end, multiplied out and summed.
    static func bruteForce(_ graph: OwnershipGraph, _ target: Int) -> [Int: Holding] {
        var found: [Int: Holding] = [:]
        func walk(_ node: Int, share: ShareRange, controls: Bool, visited: Set<Int>) {
            if node != target && graph.isTerminal(node) {
                let old = found[node]
                found[node] = Holding(party: node, share: old.map { $0.share.adding(share) } ?? share,
                                      controls: (old?.controls ?? false) || controls, paths: (old?.paths ?? 0) + 1)
                return
            }
            for edge in graph.edges where edge.subject == node && !visited.contains(edge.owner) {
                walk(edge.owner, share: (edge.share ?? .zero).of(share), controls: controls && edge.controls, visited: visited.union([edge.owner]))
            }
        }
        walk(target, share: .whole, controls: true, visited: [target])
        return found
    }

    static func randomGraph(_ generator: inout SplitMix) -> OwnershipGraph {
        let companies = Int.random(in: 2...7, using: &generator)
        let people = Int.random(in: 1...3, using: &generator)
        var rows: [(String, String, ClosedRange<Double>?, Bool)] = []
        for _ in 0..<Int.random(in: 2...14, using: &generator) {
            let subject = "c\(Int.random(in: 0..<companies, using: &generator))"
            let owner = Bool.random(using: &generator) ? "c\(Int.random(in: 0..<companies, using: &generator))" : "p\(Int.random(in: 0..<people, using: &generator))"
            let low = Double(Int.random(in: 0...60, using: &generator))
            let share: ClosedRange<Double>? = switch Int.random(in: 0..<4, using: &generator) {
            case 0: nil
            case 1: low...min(100, low + Double(Int.random(in: 0...40, using: &generator)))
            default: low...low
            }
            rows.append((subject, owner, share, share == nil || Int.random(in: 0..<5, using: &generator) == 0))
        }
        return graph(rows)
    }
}

/// A small seeded generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
