/// Exact assignment for problems where every need wants at most one expert, by ε-scaling forward auction
/// (Bertsekas) on a square extension of the problem:
///
/// - rows: each need, and one row per expert slot (a unit of capacity);
/// - columns: each expert slot, and each need's private "unassigned" column;
/// - need i → the slots of its admissible experts (cost c) and its own unassigned column (cost U);
/// - slot row t → its own slot (cost 0) and the unassigned column of every need admissible for t's expert (cost 0).
///
/// Perfect matchings of the extension are exactly the feasible assignments, with the same cost. Costs are multiplied
/// by n + 1 (n rows), so once ε reaches 1 every ε-complementary-slack perfect matching is optimal for the integer costs.
/// Every row always has a column it can take, so each phase ends.
struct SquareAuction {
    let needCount: Int
    let rowStart: [Int]
    let arcColumn: [Int32]
    let arcCost: [Int64]
    /// The problem's edge behind a need row's arc to a slot, or −1.
    let arcEdge: [Int32]
    let largestCost: Int64

    init(_ p: AssignmentProblem) {
        let m = p.needCount
        var firstSlot = [Int](repeating: 0, count: p.expertCount + 1)
        for j in 0..<p.expertCount { firstSlot[j + 1] = firstSlot[j] + Int(p.capacity[j]) }
        let slots = firstSlot[p.expertCount]
        let n = m + slots
        let factor = Int64(n + 1)
        let unassigned = (p.scale + 1 + p.penalty) * factor

        // Needs admissible for each expert, for the slot rows.
        var degree = [Int](repeating: 0, count: p.expertCount + 1)
        for e in 0..<p.edgeCount { degree[Int(p.edgeExpert[e]) + 1] += 1 }
        for j in 0..<p.expertCount { degree[j + 1] += degree[j] }
        var cursor = degree
        var neighbours = [Int32](repeating: 0, count: p.edgeCount)
        for need in 0..<m {
            for e in p.rowStart[need]..<p.rowStart[need + 1] {
                let j = Int(p.edgeExpert[e])
                neighbours[cursor[j]] = Int32(need)
                cursor[j] += 1
            }
        }

        var starts = [0]
        var columns: [Int32] = []
        var costs: [Int64] = []
        var edges: [Int32] = []
        starts.reserveCapacity(n + 1)
        for need in 0..<m {
            // A need that wants nobody keeps only its own column.
            for e in p.rowStart[need]..<(p.demand[need] == 0 ? p.rowStart[need] : p.rowStart[need + 1]) {
                let j = Int(p.edgeExpert[e])
                let cost = (p.scale + 1 - p.edgeScore[e]) * factor
                for slot in firstSlot[j]..<firstSlot[j + 1] {
                    columns.append(Int32(slot))
                    costs.append(cost)
                    edges.append(Int32(e))
                }
            }
            columns.append(Int32(slots + need))
            costs.append(unassigned)
            edges.append(-1)
            starts.append(columns.count)
        }
        for j in 0..<p.expertCount {
            for slot in firstSlot[j]..<firstSlot[j + 1] {
                columns.append(Int32(slot))
                costs.append(0)
                edges.append(-1)
                for k in degree[j]..<degree[j + 1] {
                    columns.append(Int32(slots + Int(neighbours[k])))
                    costs.append(0)
                    edges.append(-1)
                }
                starts.append(columns.count)
            }
        }
        needCount = m
        rowStart = starts
        arcColumn = columns
        arcCost = costs
        arcEdge = edges
        largestCost = unassigned
    }

    /// The edge each need ends up on (−1 for unassigned).
    func solve() -> [Int32] {
        let rows = rowStart.count - 1
        var price = [Int64](repeating: 0, count: rows)
        var owner = [Int32](repeating: -1, count: rows)
        var taken = [Int32](repeating: -1, count: rows)
        var epsilon = max(1, largestCost / 32)
        var free: [Int32] = []
        free.reserveCapacity(rows)
        while true {
            owner.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            taken.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            free.removeAll(keepingCapacity: true)
            free.append(contentsOf: (0..<Int32(rows)).reversed())
            while let row = free.popLast() {
                bid(Int(row), epsilon, &price, &owner, &taken, &free)
            }
            if epsilon == 1 { break }
            epsilon = max(1, epsilon / 6)
        }
        return (0..<needCount).map { arcEdge[Int(taken[$0])] }
    }

    @inline(__always)
    private func bid(_ row: Int, _ epsilon: Int64, _ price: inout [Int64], _ owner: inout [Int32], _ taken: inout [Int32],
                     _ free: inout [Int32]) {
        var best = Int64.max, second = Int64.max
        var bestArc = -1
        for arc in rowStart[row]..<rowStart[row + 1] {
            let value = arcCost[arc] + price[Int(arcColumn[arc])]
            if value < best {
                second = best
                best = value
                bestArc = arc
            } else if value < second {
                second = value
            }
        }
        let column = Int(arcColumn[bestArc])
        // A row with a single column owns it privately: no one else can bid for it.
        if second != .max { price[column] += second - best + epsilon }
        let previous = owner[column]
        if previous >= 0 {
            taken[Int(previous)] = -1
            free.append(previous)
        }
        owner[column] = Int32(row)
        taken[row] = Int32(bestArc)
    }
}
