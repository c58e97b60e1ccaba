/// Exact assignment for problems where every need wants at most one expert, by ε-scaling forward–reverse auction
/// (Bertsekas; the reverse step as for inequality-constrained assignment, Bertsekas–Castañon–Tsaknakis 1993).
///
/// Needs are the bidders; the objects are expert slots (one per unit of capacity) and each need's private
/// "unassigned" column, whose price stays 0 because nobody else can bid for it. In the dual, a slot's price must be
/// 0 unless the slot is taken. Each phase therefore has two kinds of bid:
///
/// - forward: every need bids for its cheapest column, raising the price by the gap to its second choice plus ε,
///   until every need holds a column;
/// - reverse: every slot left idle at a positive price bids for the need that would gain most by moving to it, at
///   the price that need's second-best rival would accept minus ε, or drops its price to 0 when no need gains more
///   than ε. A need it takes leaves its old slot idle, which bids in turn. These run in short bursts during the
///   forward step (`Bursts`) and then until no idle slot has a positive price.
///
/// Both kinds keep ε-complementary slackness. Forward bidding alone ends (every need can always take its own
/// column), reverse bidding alone ends (each reverse bid lowers the taken need's cost by at least ε, and no cost falls
/// below 0), and a phase has a bounded number of bursts, so every phase ends. Costs are multiplied by m + 1
/// (m needs), so once ε reaches 1 the final assignment is optimal for the integer costs.
///
/// A need compares experts, not slots: each expert's cheapest slot price is kept up to date, so a bid reads one price
/// per expert and the other slots of its best expert only.
struct ForwardReverseAuction {
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
    /// The needs admissible for each expert and the arcs' costs, for reverse bids.
    let neighbourStart: [Int]
    let neighbours: [Int32]
    let neighbourCost: [Int64]

    init(_ p: AssignmentProblem) {
        let m = p.needCount
        var firstSlot = [Int](repeating: 0, count: p.expertCount + 1)
        for j in 0..<p.expertCount { firstSlot[j + 1] = firstSlot[j] + Int(p.capacity[j]) }
        let slots = firstSlot[p.expertCount]
        let factor = Int64(m + 1)
        unassignedCost = (p.scale + 1 + p.penalty) * factor
        // A need that wants nobody, or an expert without capacity, takes part in no bid.
        let bidding = { (need: Int, expert: Int) in p.demand[need] > 0 && firstSlot[expert] < firstSlot[expert + 1] }

        var degree = [Int](repeating: 0, count: p.expertCount + 1)
        for need in 0..<m {
            for e in p.rowStart[need]..<p.rowStart[need + 1] where bidding(need, Int(p.edgeExpert[e])) {
                degree[Int(p.edgeExpert[e]) + 1] += 1
            }
        }
        for j in 0..<p.expertCount { degree[j + 1] += degree[j] }
        var cursor = degree
        var neighbours = [Int32](repeating: 0, count: degree[p.expertCount])
        var neighbourCost = [Int64](repeating: 0, count: degree[p.expertCount])
        var starts = [0]
        var experts: [Int32] = [], costs: [Int64] = [], edges: [Int32] = []
        starts.reserveCapacity(m + 1)
        experts.reserveCapacity(p.edgeCount)
        costs.reserveCapacity(p.edgeCount)
        edges.reserveCapacity(p.edgeCount)
        for need in 0..<m {
            for e in p.rowStart[need]..<p.rowStart[need + 1] where bidding(need, Int(p.edgeExpert[e])) {
                let j = Int(p.edgeExpert[e])
                let cost = (p.scale + 1 - p.edgeScore[e]) * factor
                neighbours[cursor[j]] = Int32(need)
                neighbourCost[cursor[j]] = cost
                cursor[j] += 1
                experts.append(Int32(j))
                costs.append(cost)
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
        self.neighbourCost = neighbourCost
    }

    /// The prices and who holds what. A need's column is a slot, `slots + need` for its own unassigned column, or −1
    /// while it is free.
    struct Market {
        var price: [Int64]
        var owner: [Int32]
        var taken: [Int32]
        /// What each need pays now: its arc's cost plus its column's price.
        var paying: [Int64]
        var cheapest: CheapestSlots
        var epsilon: Int64
    }

    /// When idle slots bid during the forward step. Long chains of displacements (one free need pushing out another,
    /// many thousands of times, while prices creep up by ε) are the forward auction's weak spot; a few reverse bids
    /// from the idle end shorten them. Measured on 20k × 10k capacity-2 instances: about 1 M bids instead of
    /// 1.3–3.2 M (docs/benchmarks.md).
    struct Bursts {
        /// Forward bids between bursts.
        var every = 100
        /// Reverse bids per burst.
        var length = 1000
        /// Bursts per phase. A few break the long chains; many fight the forward bids where scores tie (every
        /// score equal, 20k × 10k: 0.87 s with up to 1,000 per phase, 0.21 s with 10). The bound also keeps every
        /// phase finite whatever the instance.
        var limit = 10
    }

    /// The edge each need ends up on (−1 for unassigned).
    func solve(bursts: Bursts = Bursts()) -> [Int32] {
        var market = Market(
            price: .init(repeating: 0, count: slots), owner: .init(repeating: -1, count: slots),
            taken: .init(repeating: -1, count: needCount), paying: .init(repeating: 0, count: needCount),
            cheapest: CheapestSlots(firstSlot: firstSlot), epsilon: max(1, unassignedCost / 32))
        var free: [Int32] = [], idle: [Int32] = []
        free.reserveCapacity(needCount)
        idle.reserveCapacity(slots)
        while true {
            phase(&market, bursts, free: &free, idle: &idle)
            if market.epsilon == 1 { break }
            market.epsilon = max(1, market.epsilon / 6)
        }
        return (0..<needCount).map { need in edge(of: need, column: Int(market.taken[need])) }
    }

    /// One ε phase: needs bid forward until each holds a column, with bursts of reverse bids once every need has
    /// bid at this ε (before that, a need's payment may not be ε-tight, which reverse bids rely on); then idle slots
    /// bid until none is left at a positive price. Reverse bids never free a need, so the final step keeps all held.
    private func phase(_ market: inout Market, _ bursts: Bursts, free: inout [Int32], idle: inout [Int32]) {
        market.owner.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        market.taken.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        free.append(contentsOf: (0..<Int32(needCount)).reversed())
        idle.removeAll(keepingCapacity: true)
        // Needs not yet bid at this ε stay at the bottom of the stack, in order.
        var notYetBid = needCount, sinceBurst = 0, burstsLeft = bursts.limit
        while let need = free.popLast() {
            if notYetBid > free.count {
                notYetBid = free.count
                // Forward bids never leave a slot idle, so one look now finds every idle slot reverse bids may need;
                // from here on only reverse bids idle slots, and they add them to the list themselves.
                if notYetBid == 0 { listIdleSlots(market, into: &idle) }
            }
            // A reverse bid may have taken a need that was waiting to bid.
            guard market.taken[Int(need)] < 0 else { continue }
            forwardBid(Int(need), &market, freeing: &free)
            sinceBurst += 1
            if notYetBid == 0, sinceBurst >= bursts.every, burstsLeft > 0, !free.isEmpty {
                reverseBids(&market, idle: &idle, limit: bursts.length)
                sinceBurst = 0
                burstsLeft -= 1
            }
        }
        reverseBids(&market, idle: &idle, limit: .max)
    }

    private func listIdleSlots(_ market: Market, into idle: inout [Int32]) {
        for slot in (0..<slots).reversed() where market.owner[slot] < 0 && market.price[slot] > 0 { idle.append(Int32(slot)) }
    }

    /// Idle slots at a positive price bid, up to `limit` bids. A listed slot may have been taken by a forward bid since.
    private func reverseBids(_ market: inout Market, idle: inout [Int32], limit: Int) {
        var bids = 0
        while bids < limit, let slot = idle.popLast() {
            guard market.owner[Int(slot)] < 0, market.price[Int(slot)] > 0 else { continue }
            reverseBid(Int(slot), &market, idling: &idle)
            bids += 1
        }
    }

    /// A need takes its cheapest column; a slot taken from another need frees that need.
    @inline(__always)
    private func forwardBid(_ need: Int, _ market: inout Market, freeing free: inout [Int32]) {
        let choice = bestForNeed(need, market)
        market.taken[need] = Int32(choice.at)
        // The unassigned column is private: no one else can bid for it, so its price never moves.
        guard choice.at < slots else {
            market.paying[need] = choice.best
            return
        }
        market.price[choice.at] += choice.second - choice.best + market.epsilon
        market.cheapest.update(expert: Int(slotExpert[choice.at]), market.price)
        market.paying[need] = choice.second + market.epsilon
        let previous = market.owner[choice.at]
        if previous >= 0 {
            market.taken[Int(previous)] = -1
            free.append(previous)
        }
        market.owner[choice.at] = Int32(need)
    }

    /// An idle slot with a positive price takes the need that gains most by moving to it, or drops its price to 0.
    /// The need may be free: what it last paid is still within ε of its best option, because forward bids only raise
    /// prices and a reverse bid never prices a slot below what would make it more than ε better for any need.
    @inline(__always)
    private func reverseBid(_ slot: Int, _ market: inout Market, idling idle: inout [Int32]) {
        let j = Int(slotExpert[slot])
        // Values are arc cost − what the need pays now (a need's gain, negated); staying idle at price 0 gains 0.
        var needs = LowestTwo(best: 0, second: .max, at: -1)
        neighbours.withUnsafeBufferPointer { neighbour in
            neighbourCost.withUnsafeBufferPointer { cost in
                market.paying.withUnsafeBufferPointer { paying in
                    for k in neighbourStart[j]..<neighbourStart[j + 1] { needs.offer(cost[k] - paying[Int(neighbour[k])], k) }
                }
            }
        }
        defer { market.cheapest.update(expert: j, market.price) }
        guard needs.at >= 0, -needs.best > market.epsilon else {
            market.price[slot] = 0
            return
        }
        let need = Int(neighbours[needs.at])
        let price = max(-needs.second - market.epsilon, 0)
        let left = Int(market.taken[need])
        market.price[slot] = price
        market.owner[slot] = Int32(need)
        market.taken[need] = Int32(slot)
        market.paying[need] = neighbourCost[needs.at] + price
        if left >= 0, left < slots {
            market.owner[left] = -1
            if market.price[left] > 0 { idle.append(Int32(left)) }
        }
    }

    /// The cheapest column for a need (its experts' slots, then its own unassigned column) and the two lowest values.
    @inline(__always)
    private func bestForNeed(_ need: Int, _ market: Market) -> LowestTwo {
        var experts = LowestTwo()
        // Unchecked reads: this loop is most of the solver's time, and every index comes from the arrays built in init.
        needCost.withUnsafeBufferPointer { costs in
            needExpert.withUnsafeBufferPointer { expert in
                market.cheapest.price.withUnsafeBufferPointer { prices in
                    for arc in needStart[need]..<needStart[need + 1] { experts.offer(costs[arc] + prices[Int(expert[arc])], arc) }
                }
            }
        }
        var columns = LowestTwo()
        if experts.at >= 0 {
            let arc = experts.at, j = Int(needExpert[arc])
            columns = LowestTwo(best: experts.best, second: experts.second, at: market.cheapest.slot[j])
            for slot in firstSlot[j]..<firstSlot[j + 1] where slot != columns.at { columns.offer(needCost[arc] + market.price[slot], slot) }
        }
        columns.offer(unassignedCost, slots + need)
        return columns
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
