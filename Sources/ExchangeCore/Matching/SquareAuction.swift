/// Exact assignment for problems where every need wants at most one expert, by ε-scaling forward auction
/// (Bertsekas) on a square extension of the problem:
///
/// - rows: each need, and one row per expert slot (a unit of capacity);
/// - columns: each expert slot, and each need's private "unassigned" column;
/// - need i → the slots of its admissible experts (cost c) and its own unassigned column (cost U);
/// - slot row t → its own slot (cost 0) and the unassigned column of every need admissible for t's expert (cost 0).
///
/// Arcs are stored per expert, not per slot: a need row lists each admissible expert once and bids on that expert's
/// cheapest slot, and all slot rows of one expert share one list of needs. Each expert's cheapest slot price is kept
/// up to date as prices rise, so a need compares experts by one read each and looks at the other slots of its best
/// expert only (the second-best value is either another expert's cheapest slot or one of those). The bids are
/// exactly those of the full extension; only the memory read per bid shrinks.
///
/// Perfect matchings of the extension are exactly the feasible assignments, with the same cost. Costs are multiplied
/// by n + 1 (n rows), so once ε reaches 1 every ε-complementary-slack perfect matching is optimal for the integer costs.
/// Every row always has a column it can take, so each phase ends.
struct SquareAuction {
    let needCount: Int
    let slots: Int
    /// Need rows: each admissible expert once, with the arc's cost and the problem's edge.
    let needStart: [Int]
    let needExpert: [Int32]
    let needCost: [Int64]
    let needEdge: [Int32]
    let unassignedCost: Int64
    /// Expert j owns slots firstSlot[j]..<firstSlot[j + 1].
    let firstSlot: [Int]
    let slotExpert: [Int32]
    /// The needs admissible for each expert, which its slot rows may release to their unassigned columns.
    let neighbourStart: [Int]
    let neighbours: [Int32]
    let largestCost: Int64

    init(_ p: AssignmentProblem) {
        let m = p.needCount
        var firstSlot = [Int](repeating: 0, count: p.expertCount + 1)
        for j in 0..<p.expertCount { firstSlot[j + 1] = firstSlot[j] + Int(p.capacity[j]) }
        let slots = firstSlot[p.expertCount]
        let factor = Int64(m + slots + 1)
        unassignedCost = (p.scale + 1 + p.penalty) * factor

        var degree = [Int](repeating: 0, count: p.expertCount + 1)
        for e in 0..<p.edgeCount { degree[Int(p.edgeExpert[e]) + 1] += 1 }
        for j in 0..<p.expertCount { degree[j + 1] += degree[j] }
        var cursor = degree
        var neighbours = [Int32](repeating: 0, count: p.edgeCount)
        var starts = [0]
        var experts: [Int32] = [], costs: [Int64] = [], edges: [Int32] = []
        starts.reserveCapacity(m + 1)
        for need in 0..<m {
            for e in p.rowStart[need]..<p.rowStart[need + 1] {
                let j = Int(p.edgeExpert[e])
                neighbours[cursor[j]] = Int32(need)
                cursor[j] += 1
                // A need that wants nobody keeps only its own column.
                guard p.demand[need] > 0, firstSlot[j] < firstSlot[j + 1] else { continue }
                experts.append(Int32(j))
                costs.append((p.scale + 1 - p.edgeScore[e]) * factor)
                edges.append(Int32(e))
            }
            starts.append(experts.count)
        }
        var slotExpert = [Int32](repeating: 0, count: slots)
        for j in 0..<p.expertCount { for slot in firstSlot[j]..<firstSlot[j + 1] { slotExpert[slot] = Int32(j) } }
        needCount = m
        self.slots = slots
        needStart = starts
        needExpert = experts
        needCost = costs
        needEdge = edges
        self.firstSlot = firstSlot
        self.slotExpert = slotExpert
        neighbourStart = degree
        self.neighbours = neighbours
        largestCost = unassignedCost
    }

    /// The edge each need ends up on (−1 for unassigned).
    func solve() -> [Int32] {
        let rows = needCount + slots
        var price = [Int64](repeating: 0, count: rows)
        var owner = [Int32](repeating: -1, count: rows)
        var taken = [Int32](repeating: -1, count: rows)
        var epsilon = max(1, largestCost / 32)
        var cheapest = CheapestSlots(firstSlot: firstSlot)
        var free: [Int32] = []
        free.reserveCapacity(rows)
        while true {
            owner.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            taken.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            free.removeAll(keepingCapacity: true)
            free.append(contentsOf: (0..<Int32(rows)).reversed())
            while let row = free.popLast() {
                let (column, second, best) = Int(row) < needCount ? bestForNeed(Int(row), price, cheapest) : bestForSlot(Int(row) - needCount, price)
                // A row with a single column owns it privately: no one else can bid for it.
                if second != .max {
                    price[column] += second - best + epsilon
                    if column < slots { cheapest.update(expert: Int(slotExpert[column]), price) }
                }
                let previous = owner[column]
                if previous >= 0 {
                    taken[Int(previous)] = -1
                    free.append(previous)
                }
                owner[column] = row
                taken[Int(row)] = Int32(column)
            }
            if epsilon == 1 { break }
            epsilon = max(1, epsilon / 6)
        }
        return (0..<needCount).map { need in edge(of: need, column: Int(taken[need])) }
    }

    /// The cheapest column for a need row (its experts' slots, then its own unassigned column) and the two lowest values.
    @inline(__always)
    private func bestForNeed(_ need: Int, _ price: [Int64], _ cheapest: CheapestSlots) -> (column: Int, second: Int64, best: Int64) {
        var experts = LowestTwo()
        // Unchecked reads: this loop is most of the solver's time, and every index comes from the arrays built in init.
        needCost.withUnsafeBufferPointer { costs in
            needExpert.withUnsafeBufferPointer { expert in
                cheapest.price.withUnsafeBufferPointer { prices in
                    for arc in needStart[need]..<needStart[need + 1] { experts.offer(costs[arc] + prices[Int(expert[arc])], arc) }
                }
            }
        }
        var columns = LowestTwo()
        if experts.at >= 0 {
            let arc = experts.at, j = Int(needExpert[arc])
            columns = LowestTwo(best: experts.best, second: experts.second, at: cheapest.slot[j])
            for slot in firstSlot[j]..<firstSlot[j + 1] where slot != columns.at { columns.offer(needCost[arc] + price[slot], slot) }
        }
        columns.offer(unassignedCost + price[slots + need], slots + need)
        return (columns.at, columns.second, columns.best)
    }

    /// The cheapest column for a slot row: its own slot, or the unassigned column of a need its expert could serve.
    @inline(__always)
    private func bestForSlot(_ slot: Int, _ price: [Int64]) -> (column: Int, second: Int64, best: Int64) {
        var columns = LowestTwo(best: price[slot], second: .max, at: slot)
        let j = Int(slotExpert[slot])
        neighbours.withUnsafeBufferPointer { needs in
            price.withUnsafeBufferPointer { prices in
                for k in neighbourStart[j]..<neighbourStart[j + 1] {
                    let column = slots + Int(needs[k])
                    columns.offer(prices[column], column)
                }
            }
        }
        return (columns.at, columns.second, columns.best)
    }

    /// The lowest and second-lowest values offered, and what gave the lowest (the first of equal ones).
    struct LowestTwo {
        var best = Int64.max
        var second = Int64.max
        var at = -1

        @inline(__always)
        mutating func offer(_ value: Int64, _ candidate: Int) {
            if value < best {
                second = best
                best = value
                at = candidate
            } else if value < second {
                second = value
            }
        }
    }

    /// Each expert's cheapest slot and its price (the first of equal ones, as a scan in slot order finds it).
    struct CheapestSlots {
        let firstSlot: [Int]
        var price: [Int64]
        var slot: [Int]

        init(firstSlot: [Int]) {
            self.firstSlot = firstSlot
            let experts = firstSlot.count - 1
            price = [Int64](repeating: 0, count: experts)
            slot = (0..<experts).map { firstSlot[$0] }
        }

        mutating func update(expert j: Int, _ prices: [Int64]) {
            var low = Int64.max, at = firstSlot[j]
            for s in firstSlot[j]..<firstSlot[j + 1] where prices[s] < low {
                low = prices[s]
                at = s
            }
            price[j] = low
            slot[j] = at
        }
    }

    private func edge(of need: Int, column: Int) -> Int32 {
        guard column < slots else { return -1 }
        let expert = slotExpert[column]
        for arc in needStart[need]..<needStart[need + 1] where needExpert[arc] == expert { return needEdge[arc] }
        return -1
    }
}
