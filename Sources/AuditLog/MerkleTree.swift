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
        return path(UInt64(m), 0..<UInt64(leaves.count), slicing(leaves))
    }

    /// PROOF(m, D[n]) for 0 < m ≤ n; the proof for m == n is empty.
    public static func consistencyProof(from m: Int, leaves: ArraySlice<TreeHash>) throws(ProofError) -> [TreeHash] {
        guard m > 0 else { throw .fromEmptyTree }
        guard m <= leaves.count else { throw .sizeOutOfRange }
        return subproof(UInt64(m), 0..<UInt64(leaves.count), complete: true, slicing(leaves))
    }

    /// PATH over a tree known only through `hash`, which gives MTH(D[range]) for the ranges the recursion asks for
    /// (a tiled log's client reads them from tiles).
    public static func inclusionProof(
        index m: UInt64, size n: UInt64, hash: (Range<UInt64>) throws -> TreeHash
    ) throws -> [TreeHash] {
        guard m < n else { throw ProofError.indexOutOfRange }
        return try path(m, 0..<n, hash)
    }

    /// PROOF over a tree known only through `hash`.
    public static func consistencyProof(
        from m: UInt64, size n: UInt64, hash: (Range<UInt64>) throws -> TreeHash
    ) throws -> [TreeHash] {
        guard m > 0 else { throw ProofError.fromEmptyTree }
        guard m <= n else { throw ProofError.sizeOutOfRange }
        return try subproof(m, 0..<n, complete: true, hash)
    }

    static func largestPowerOfTwo(below n: Int) -> Int {
        precondition(n > 1)
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    private static func slicing(_ leaves: ArraySlice<TreeHash>) -> (Range<UInt64>) -> TreeHash {
        { range in root(leaves[leaves.startIndex + Int(range.lowerBound)..<leaves.startIndex + Int(range.upperBound)]) }
    }

    private static func path(
        _ m: UInt64, _ range: Range<UInt64>, _ hash: (Range<UInt64>) throws -> TreeHash
    ) rethrows -> [TreeHash] {
        guard range.count > 1 else { return [] }
        let split = range.lowerBound + UInt64(largestPowerOfTwo(below: range.count))
        if range.lowerBound + m < split {
            return try path(m, range.lowerBound..<split, hash) + [hash(split..<range.upperBound)]
        }
        return try path(range.lowerBound + m - split, split..<range.upperBound, hash) + [hash(range.lowerBound..<split)]
    }

    private static func subproof(
        _ m: UInt64, _ range: Range<UInt64>, complete: Bool, _ hash: (Range<UInt64>) throws -> TreeHash
    ) rethrows -> [TreeHash] {
        if m == UInt64(range.count) { return complete ? [] : [try hash(range)] }
        let k = UInt64(largestPowerOfTwo(below: range.count))
        let split = range.lowerBound + k
        if m <= k {
            return try subproof(m, range.lowerBound..<split, complete: complete, hash) + [hash(split..<range.upperBound)]
        }
        return try subproof(m - k, split..<range.upperBound, complete: false, hash) + [hash(range.lowerBound..<split)]
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
