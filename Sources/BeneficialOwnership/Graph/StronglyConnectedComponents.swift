/// Tarjan's algorithm over "is owned by" edges, without recursion (chains in a register can be deep). Each
/// component is handed over only after every component its members' owners belong to.
struct StronglyConnectedComponents {
    private let graph: OwnershipGraph
    private var order: [Int]
    private var lowLink: [Int]
    private var onStack: [Bool]
    private var stack: [Int] = []
    private var counter = 0

    init(graph: OwnershipGraph) {
        self.graph = graph
        order = Array(repeating: -1, count: graph.ids.count)
        lowLink = Array(repeating: 0, count: graph.ids.count)
        onStack = Array(repeating: false, count: graph.ids.count)
    }

    /// `skipping` names nodes already done, which count as finished components.
    mutating func visit(roots: [Int], skipping done: (Int) -> Bool, _ emit: ([Int]) -> Void) {
        for root in roots where order[root] == -1 && !done(root) {
            // Each frame: a node and how many of its edges have been followed.
            var frames: [(node: Int, next: Int)] = [(root, 0)]
            enter(root)
            while let (node, next) = frames.last {
                let edgesOut = graph.ownedThrough[node]
                if next < edgesOut.count {
                    frames[frames.count - 1].next += 1
                    let owner = graph.edges[edgesOut[next]].owner
                    if order[owner] == -1 {
                        if done(owner) { continue }
                        enter(owner)
                        frames.append((owner, 0))
                    } else if onStack[owner] {
                        lowLink[node] = min(lowLink[node], order[owner])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == order[node] { emit(pop(until: node)) }
            }
        }
    }

    private mutating func enter(_ node: Int) {
        order[node] = counter
        lowLink[node] = counter
        counter += 1
        stack.append(node)
        onStack[node] = true
    }

    private mutating func pop(until node: Int) -> [Int] {
        var component: [Int] = []
        while let top = stack.popLast() {
            onStack[top] = false
            component.append(top)
            if top == node { break }
        }
        return component
    }
}
