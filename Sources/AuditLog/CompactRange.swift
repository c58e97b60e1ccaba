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

    public mutating func append(_ leaf: TreeHash) {
        var carry = leaf
        var bits = size
        while bits & 1 == 1 {
            carry = .node(peaks.removeLast(), carry)
            bits >>= 1
        }
        peaks.append(carry)
        size += 1
    }

    public var root: TreeHash {
        guard var result = peaks.last else { return .emptyTree }
        for peak in peaks.dropLast().reversed() {
            result = .node(peak, result)
        }
        return result
    }
}
