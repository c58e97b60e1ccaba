/// The Merkle tree of a tiled log, read through its tiles: any subtree hash, the root, and RFC 9162 proofs for a
/// tree of `size` leaves. A client holding only tiles computes what a server would otherwise send.
public struct TiledTree {
    /// Gives the hashes of a tile; a reader checks that there are `address.count` of them.
    public typealias TileReader = (TileAddress) throws -> [TreeHash]

    public struct ShortTile: Error, CustomStringConvertible {
        public let address: TileAddress
        public var description: String { "\(address.path) holds fewer hashes than the tree needs" }
    }

    public let size: UInt64
    private let read: TileReader
    private var cache: [TileAddress: [TreeHash]] = [:]

    public init(size: UInt64, read: @escaping TileReader) {
        self.size = size
        self.read = read
    }

    public mutating func root() throws -> TreeHash {
        size == 0 ? .emptyTree : try hash(0..<size)
    }

    public mutating func inclusionProof(index: UInt64) throws -> [TreeHash] {
        var tree = self
        defer { self = tree }
        return try MerkleTree.inclusionProof(index: index, size: size) { try tree.hash($0) }
    }

    public mutating func consistencyProof(from first: UInt64) throws -> [TreeHash] {
        var tree = self
        defer { self = tree }
        return try MerkleTree.consistencyProof(from: first, size: size) { try tree.hash($0) }
    }

    /// MTH(D[range]) for a range the RFC's recursion asks for: a perfect, aligned subtree, or one split at the
    /// largest power of two below its size.
    public mutating func hash(_ range: Range<UInt64>) throws -> TreeHash {
        let count = range.count
        if count & (count - 1) == 0, range.lowerBound % UInt64(count) == 0 {
            return try perfect(height: count.trailingZeroBitCount, index: range.lowerBound / UInt64(count))
        }
        let split = range.lowerBound + UInt64(MerkleTree.largestPowerOfTwo(below: count))
        return .node(try hash(range.lowerBound..<split), try hash(split..<range.upperBound))
    }

    /// The subtree of 2^height leaves numbered `index` at that height: 2^(height mod 8) consecutive hashes of
    /// tile level height / 8, hashed together.
    private mutating func perfect(height: Int, index: UInt64) throws -> TreeHash {
        let level = height / 8
        let span = 1 << (height % 8)
        let first = index * UInt64(span)
        let address = TileAddress.containing(position: first, level: level, treeSize: size)
        let tile = try self.tile(address)
        let offset = Int(first % 256)
        guard tile.count >= offset + span else { throw ShortTile(address: address) }
        return MerkleTree.root(tile[offset..<offset + span])
    }

    private mutating func tile(_ address: TileAddress) throws -> [TreeHash] {
        if let cached = cache[address] { return cached }
        let hashes = try read(address)
        cache[address] = hashes
        return hashes
    }
}

extension TiledTree {
    /// Runs `body` on the tree of `size` leaves with every tile it reads fetched first, so that the tree stays
    /// synchronous while its tiles come from a database or a server: a dry run finds which tiles it needs.
    public static func withTiles<T>(
        size: UInt64, fetch: (TileAddress) async throws -> [TreeHash], _ body: (inout TiledTree) throws -> T
    ) async throws -> T {
        let wanted = WantedTiles()
        var probe = TiledTree(size: size) { address in
            wanted.addresses.insert(address)
            return Array(repeating: TreeHash.emptyTree, count: address.count)
        }
        _ = try? body(&probe)
        var tiles: [TileAddress: [TreeHash]] = [:]
        for address in wanted.addresses { tiles[address] = try await fetch(address) }
        var tree = TiledTree(size: size) { tiles[$0] ?? [] }
        return try body(&tree)
    }

    /// Splits a tile's bytes into hashes; nil when they are not whole 32-byte hashes.
    public static func hashes(_ bytes: [UInt8]) -> [TreeHash]? {
        guard bytes.count % 32 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 32).map { TreeHash(bytes: Array(bytes[$0..<$0 + 32]))! }
    }
}

/// The tiles a dry run asked for.
private final class WantedTiles {
    var addresses = Set<TileAddress>()
}
