/// What one party at the end of a chain holds in a company: its effective share (multiplied along each path, summed
/// over parallel paths, carried as a range), whether some path gives it control, and how many paths there are.
public struct Holding: Sendable, Equatable {
    public let party: Int
    public let share: ShareRange
    public let controls: Bool
    public let paths: Int

    public enum Standing: String, Sendable, Codable, CaseIterable {
        /// The share is at least the threshold however the ranges fall.
        case owner
        /// Control without enough shares: the board, a veto, a trust's powers, or a majority all along a chain.
        case controller
        /// The share reaches the threshold only at the top of its range.
        case possibleOwner
        case below
    }

    public func standing(threshold: Double) -> Standing {
        if share.minimum >= threshold { return .owner }
        if controls { return .controller }
        return share.maximum >= threshold ? .possibleOwner : .below
    }
}

/// Computes, for companies in an `OwnershipGraph`, the parties at the end of their chains of ownership and control.
///
/// Effective shares are summed over simple paths, so a cycle is walked through but never twice: inside a cycle,
/// paths are enumerated (cycles in real registers are short); everywhere else each company's holdings are built once
/// from its owners', in the order that Tarjan's strongly connected components come out (owners first).
public struct UltimateOwners: Sendable {
    public let graph: OwnershipGraph
    private var results: [[Holding]?]

    public init(graph: OwnershipGraph) {
        self.graph = graph
        results = Array(repeating: nil, count: graph.ids.count)
    }

    /// The FATF threshold most laws use.
    public static let defaultThreshold = 0.25

    /// The holdings of everyone at the end of `node`'s chains, most held first.
    public mutating func holdings(of node: Int) -> [Holding] {
        if results[node] == nil { compute(from: [node]) }
        return (results[node] ?? []).map { Holding(party: $0.party, share: $0.share.clamped, controls: $0.controls, paths: $0.paths) }.sorted { ($0.share.maximum, $0.share.minimum, $1.party) > ($1.share.maximum, $1.share.minimum, $0.party) }
    }

    /// Computes every node's holdings (for exports and benchmarks); returns how many holdings there are in all.
    @discardableResult
    public mutating func computeAll() -> Int {
        compute(from: Array(graph.ids.indices))
        return results.reduce(0) { $0 + ($1?.count ?? 0) }
    }

    private mutating func compute(from roots: [Int]) {
        var components = StronglyConnectedComponents(graph: graph)
        components.visit(roots: roots, skipping: { results[$0] != nil }) { component in
            if component.count == 1 {
                results[component[0]] = acyclicHoldings(of: component[0])
            } else {
                let members = Set(component)
                for node in component { results[node] = cyclicHoldings(of: node, within: members) }
            }
        }
    }

    private func acyclicHoldings(of node: Int) -> [Holding] {
        if graph.isTerminal(node) { return [Holding(party: node, share: .whole, controls: true, paths: 1)] }
        var total: [Holding] = []
        for edgeIndex in graph.ownedThrough[node] where graph.edges[edgeIndex].owner != node {
            let edge = graph.edges[edgeIndex]
            total = Self.merge(total, Self.carry(results[edge.owner] ?? [], along: edge))
        }
        return total
    }

    /// Walks every simple path inside the cycle from `node`; where a path reaches a member with owners outside the
    /// cycle, those owners' holdings are carried back along it.
    private func cyclicHoldings(of node: Int, within members: Set<Int>) -> [Holding] {
        var total: [Holding] = []
        var onPath: Set<Int> = [node]
        func walk(_ current: Int, share: ShareRange, controls: Bool) {
            for edgeIndex in graph.ownedThrough[current] {
                let edge = graph.edges[edgeIndex]
                let step = (edge.share ?? .zero).of(share)
                let stepControls = controls && edge.controls
                if members.contains(edge.owner) {
                    guard onPath.insert(edge.owner).inserted else { continue }
                    walk(edge.owner, share: step, controls: stepControls)
                    onPath.remove(edge.owner)
                } else {
                    let path = Holding(party: -1, share: step, controls: stepControls, paths: 1)
                    total = Self.merge(total, (results[edge.owner] ?? []).map { Self.extend($0, by: path) })
                }
            }
        }
        walk(node, share: .whole, controls: true)
        return total
    }

    static func carry(_ holdings: [Holding], along edge: OwnershipGraph.Edge) -> [Holding] {
        let path = Holding(party: -1, share: edge.share ?? .zero, controls: edge.controls, paths: 1)
        return holdings.map { extend($0, by: path) }
    }

    private static func extend(_ holding: Holding, by path: Holding) -> Holding {
        Holding(party: holding.party, share: path.share.of(holding.share), controls: path.controls && holding.controls, paths: holding.paths)
    }

    /// Both lists sorted by party; the result is too.
    static func merge(_ left: [Holding], _ right: [Holding]) -> [Holding] {
        if left.isEmpty { return right.sorted { $0.party < $1.party } }
        let right = right.sorted { $0.party < $1.party }
        var merged: [Holding] = []
        merged.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i].party < right[j].party) {
                merged.append(left[i]); i += 1
            } else if i == left.count || right[j].party < left[i].party {
                merged.append(right[j]); j += 1
            } else {
                merged.append(combine(left[i], right[j])); i += 1; j += 1
            }
        }
        return merged
    }

    private static func combine(_ a: Holding, _ b: Holding) -> Holding {
        let (paths, overflow) = a.paths.addingReportingOverflow(b.paths)
        return Holding(party: a.party, share: a.share.adding(b.share), controls: a.controls || b.controls, paths: overflow ? .max : paths)
    }
}
