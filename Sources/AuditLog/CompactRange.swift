/// The roots of the perfect subtrees that make up a tree of `size` leaves, largest first.
/// Appending and taking the root cost O(log n), so a log never rereads its history to sign a checkpoint.
public struct CompactRange: Equatable, Sendable {
    public private(set) var size: UInt64
    public private(set) var peaks: [TreeHash]

    public init() {
        self.size = 0
        self.peaks = []
    }

    /// Restores a stored range; nil when the peak count disagrees with the size.
    public init?(size: UInt64, peaks: [TreeHash]) {
        guard size.nonzeroBitCount == peaks.count else { return nil }
        self.size = size
        self.peaks = peaks
    }

    /// Appends a leaf and returns the roots of the perfect subtrees it completes, smallest first: the subtrees of
    /// 2, 4, 8… leaves that end with it. A tiled log stores some of them as tile hashes.
    @discardableResult
    public mutating func append(_ leaf: TreeHash) -> [TreeHash] {
        var carry = leaf
        var bits = size
        var completed: [TreeHash] = []
        while bits & 1 == 1 {
            carry = .node(peaks.removeLast(), carry)
            completed.append(carry)
            bits >>= 1
        }
        peaks.append(carry)
        size += 1
        return completed
    }

    /// The RFC 9162 inclusion proof of the next leaf in the tree one larger: today's peaks, smallest first.
    public var proofForNextLeaf: [TreeHash] { peaks.reversed() }

    public var root: TreeHash {
        guard var result = peaks.last else { return .emptyTree }
        for peak in peaks.dropLast().reversed() {
            result = .node(peak, result)
        }
        return result
    }
}
