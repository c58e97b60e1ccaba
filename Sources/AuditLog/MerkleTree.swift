/// Merkle Tree Hash, audit paths and consistency proofs over a list of leaf hashes,
/// exactly as RFC 9162 §2.1 defines MTH, PATH and PROOF.
public enum MerkleTree {
    public static func root(_ leaves: ArraySlice<TreeHash>) -> TreeHash {
        switch leaves.count {
        case 0: return .emptyTree
        case 1: return leaves[leaves.startIndex]
        default:
            let k = largestPowerOfTwo(below: leaves.count)
            let split = leaves.startIndex + k
            return .node(root(leaves[..<split]), root(leaves[split...]))
        }
    }

    public static func root(_ leaves: [TreeHash]) -> TreeHash { root(leaves[...]) }

    /// PATH(m, D[n]) for 0 ≤ m < n.
    public static func inclusionProof(index m: Int, leaves: ArraySlice<TreeHash>) throws(ProofError) -> [TreeHash] {
        guard m >= 0, m < leaves.count else { throw .indexOutOfRange }
        return path(m, leaves)
    }

    /// PROOF(m, D[n]) for 0 < m ≤ n; the proof for m == n is empty.
    public static func consistencyProof(from m: Int, leaves: ArraySlice<TreeHash>) throws(ProofError) -> [TreeHash] {
        guard m > 0 else { throw .fromEmptyTree }
        guard m <= leaves.count else { throw .sizeOutOfRange }
        return subproof(m, leaves, complete: true)
    }

    static func largestPowerOfTwo(below n: Int) -> Int {
        precondition(n > 1)
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    private static func path(_ m: Int, _ leaves: ArraySlice<TreeHash>) -> [TreeHash] {
        guard leaves.count > 1 else { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let split = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<split]) + [root(leaves[split...])]
        }
        return path(m - k, leaves[split...]) + [root(leaves[..<split])]
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<TreeHash>, complete: Bool) -> [TreeHash] {
        let n = leaves.count
        if m == n { return complete ? [] : [root(leaves)] }
        let k = largestPowerOfTwo(below: n)
        let split = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<split], complete: complete) + [root(leaves[split...])]
        }
        return subproof(m - k, leaves[split...], complete: false) + [root(leaves[..<split])]
    }
}

public enum ProofError: Error, Equatable, Sendable, CustomStringConvertible {
    case indexOutOfRange
    case sizeOutOfRange
    case fromEmptyTree

    public var description: String {
        switch self {
        case .indexOutOfRange: "the leaf index must be smaller than the tree size"
        case .sizeOutOfRange: "the tree size is larger than the log"
        case .fromEmptyTree: "a consistency proof from size 0 is not defined"
        }
    }
}
