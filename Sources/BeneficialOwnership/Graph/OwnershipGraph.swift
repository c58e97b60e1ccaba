/// Companies, people and the ownership-or-control relationships between them, ready to be walked upward from any
/// company to the people at the end of its chains.
public struct OwnershipGraph: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A company or another entity; `unspecified` when the data says it is anonymous or unknown.
        case entity(unspecified: Unspecified?)
        case person(unspecified: Unspecified?)
    }

    /// One relationship: `owner` holds `share` of `subject` (nil when the interests carry no share) and may control it.
    public struct Edge: Sendable, Equatable {
        public let id: String
        public let subject: Int
        public let owner: Int
        public let share: ShareRange?
        public let controls: Bool
    }

    public private(set) var ids: [String] = []
    public private(set) var kinds: [Kind] = []
    public private(set) var edges: [Edge] = []
    private var index: [String: Int] = [:]
    /// For each node, the edges in which it is the subject.
    private(set) var ownedThrough: [[Int]] = []

    public init() {}

    public func node(_ id: String) -> Int? { index[id] }

    /// Adds a node, or gives its kind to one that a relationship named first.
    @discardableResult
    public mutating func add(_ id: String, kind: Kind) -> Int {
        if let existing = index[id] {
            kinds[existing] = kind
            return existing
        }
        index[id] = ids.count
        ids.append(id)
        kinds.append(kind)
        ownedThrough.append([])
        return ids.count - 1
    }

    /// Adds a relationship. An owner the data leaves unspecified becomes a node of its own, named by the statement,
    /// so that it shows with its reason.
    public mutating func relate(id: String, subject: String, owner: RelationshipDetails.Party, interests: [Interest]) {
        let subjectNode = index[subject] ?? add(subject, kind: .entity(unspecified: nil))
        let ownerNode: Int
        switch owner {
        case .record(let record): ownerNode = index[record] ?? add(record, kind: .entity(unspecified: nil))
        case .unspecified(let why): ownerNode = add("unspecified:" + id, kind: .person(unspecified: why))
        }
        let share = Self.share(of: interests)
        let controls = interests.contains(where: \.isControl) || (share?.minimum ?? 0) > 0.5
        edges.append(Edge(id: id, subject: subjectNode, owner: ownerNode, share: share, controls: controls))
        ownedThrough[subjectNode].append(edges.count - 1)
    }

    /// The shareholding a relationship states; a shareholding with no figure could be any share.
    static func share(of interests: [Interest]) -> ShareRange? {
        let holdings = interests.filter(\.isOwnership)
        guard !holdings.isEmpty else { return nil }
        return holdings.compactMap(\.share).reduce(nil) { total, share in total.map { $0.adding(share) } ?? share } ?? .unknown
    }

    /// A node with no declared owner ends a chain: a person, an unspecified party, or an entity whose owners are
    /// not declared (a state body, a listed company, or a gap).
    public func isTerminal(_ node: Int) -> Bool {
        ownedThrough[node].allSatisfy { edges[$0].owner == node }
    }

    /// The edges reachable upward from `node`: what a chart of its ownership draws.
    public func chain(above node: Int) -> [Edge] {
        var seen: Set<Int> = [node]
        var queue = [node]
        var found: [Edge] = []
        while let current = queue.popLast() {
            for edgeIndex in ownedThrough[current] {
                let edge = edges[edgeIndex]
                found.append(edge)
                if seen.insert(edge.owner).inserted { queue.append(edge.owner) }
            }
        }
        return found
    }
}
