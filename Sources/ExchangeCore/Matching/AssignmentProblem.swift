/// Needs to experts: who is admissible for what, at which score, and how many each side can take.
/// Scores and the penalty are integers in units of 1/`scale`, so optima are exact and comparable across solvers.
public struct AssignmentProblem: Sendable, Equatable {
    public let needCount: Int
    public let expertCount: Int
    /// Experts wanted by each need (usually 1).
    public let demand: [Int32]
    /// Concurrent exchanges each expert can take (default 1).
    public let capacity: [Int32]
    /// CSR over needs: the admissible edges of need `i` are `rowStart[i] ..< rowStart[i + 1]`.
    public let rowStart: [Int]
    public let edgeExpert: [Int32]
    /// Score of each edge in 0 ... scale.
    public let edgeScore: [Int64]
    /// Cost of leaving one unit of demand unassigned, in the same units as scores.
    public let penalty: Int64
    public let scale: Int64

    public var edgeCount: Int { edgeExpert.count }

    public enum InvalidInput: Error, Equatable, Sendable, CustomStringConvertible {
        case negativeCount(String)
        case expertOutOfRange(need: Int, expert: Int)
        case needOutOfRange(Int)
        case scoreOutOfRange(need: Int, expert: Int)
        case duplicateEdge(need: Int, expert: Int)
        case negativePenalty

        public var description: String {
            switch self {
            case .negativeCount(let what): "\(what) must not be negative"
            case .expertOutOfRange(let need, let expert): "need \(need) names expert \(expert), which does not exist"
            case .needOutOfRange(let need): "need \(need) does not exist"
            case .scoreOutOfRange(let need, let expert): "the score of need \(need) for expert \(expert) is outside [0, 1]"
            case .duplicateEdge(let need, let expert): "need \(need) lists expert \(expert) twice"
            case .negativePenalty: "the penalty must not be negative"
            }
        }
    }

    /// An edge as read from a file or computed by scoring.
    public struct Edge: Sendable, Equatable {
        public let need: Int
        public let expert: Int
        public let score: Int64

        public init(need: Int, expert: Int, score: Int64) {
            self.need = need
            self.expert = expert
            self.score = score
        }
    }

    /// Builds the CSR form from edges in any order; edges of a need end up sorted by expert.
    public init(
        needCount: Int, expertCount: Int, edges: [Edge], demand: [Int32]? = nil, capacity: [Int32]? = nil,
        penalty: Int64, scale: Int64
    ) throws(InvalidInput) {
        guard penalty >= 0 else { throw .negativePenalty }
        var counts = [Int](repeating: 0, count: needCount + 1)
        for edge in edges {
            guard edge.need >= 0, edge.need < needCount else { throw .needOutOfRange(edge.need) }
            guard edge.expert >= 0, edge.expert < expertCount else { throw .expertOutOfRange(need: edge.need, expert: edge.expert) }
            guard edge.score >= 0, edge.score <= scale else { throw .scoreOutOfRange(need: edge.need, expert: edge.expert) }
            counts[edge.need + 1] += 1
        }
        for i in 0..<needCount { counts[i + 1] += counts[i] }
        var next = counts
        var experts = [Int32](repeating: 0, count: edges.count)
        var scores = [Int64](repeating: 0, count: edges.count)
        for edge in edges {
            let slot = next[edge.need]
            next[edge.need] += 1
            experts[slot] = Int32(edge.expert)
            scores[slot] = edge.score
        }
        for need in 0..<needCount {
            let range = counts[need]..<counts[need + 1]
            // Files usually list a need's experts in order already; then there is nothing to sort or repeat.
            if zip(experts[range], experts[range].dropFirst()).allSatisfy({ $0 < $1 }) { continue }
            let sorted = range.map { (experts[$0], scores[$0]) }.sorted { $0.0 < $1.0 }
            for (offset, pair) in sorted.enumerated() {
                if offset > 0, sorted[offset - 1].0 == pair.0 { throw .duplicateEdge(need: need, expert: Int(pair.0)) }
                experts[range.lowerBound + offset] = pair.0
                scores[range.lowerBound + offset] = pair.1
            }
        }
        try self.init(needCount: needCount, expertCount: expertCount, demand: demand ?? .init(repeating: 1, count: needCount),
                      capacity: capacity ?? .init(repeating: 1, count: expertCount), rowStart: counts,
                      edgeExpert: experts, edgeScore: scores, penalty: penalty, scale: scale)
    }

    /// Takes CSR arrays as they are (e.g. from a binary instance file), checking only what the solver relies on.
    public init(
        needCount: Int, expertCount: Int, demand: [Int32], capacity: [Int32], rowStart: [Int],
        edgeExpert: [Int32], edgeScore: [Int64], penalty: Int64, scale: Int64
    ) throws(InvalidInput) {
        guard needCount >= 0, expertCount >= 0 else { throw .negativeCount("the number of needs and experts") }
        guard demand.count == needCount, !demand.contains(where: { $0 < 0 }) else { throw .negativeCount("demand") }
        guard capacity.count == expertCount, !capacity.contains(where: { $0 < 0 }) else { throw .negativeCount("capacity") }
        guard rowStart.count == needCount + 1, rowStart.first == 0, rowStart.last == edgeExpert.count,
              edgeScore.count == edgeExpert.count else { throw .negativeCount("edge ranges") }
        guard penalty >= 0 else { throw .negativePenalty }
        self.needCount = needCount
        self.expertCount = expertCount
        self.demand = demand
        self.capacity = capacity
        self.rowStart = rowStart
        self.edgeExpert = edgeExpert
        self.edgeScore = edgeScore
        self.penalty = penalty
        self.scale = scale
    }
}
