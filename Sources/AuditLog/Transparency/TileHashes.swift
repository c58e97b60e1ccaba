/// The hashes a tiled log stores as it grows: every leaf hash at level 0 and, each time a tile fills, its root one
/// level up. Any tile is then a range of stored hashes at one level.
public enum TileHashes {
    public struct Stored: Equatable, Sendable {
        public let level: Int
        public let position: UInt64
        public let hash: TreeHash
    }

    /// What to store after appending leaf `index`, from the subtree roots that `CompactRange.append` returned: a
    /// tile at level L fills when the leaf completes a subtree of 256^L leaves.
    public static func afterAppending(_ leaf: TreeHash, at index: UInt64, completed: [TreeHash]) -> [Stored] {
        var stored = [Stored(level: 0, position: index, hash: leaf)]
        var level = 1
        while completed.count >= 8 * level {
            stored.append(Stored(level: level, position: index >> UInt64(8 * level), hash: completed[8 * level - 1]))
            level += 1
        }
        return stored
    }
}
