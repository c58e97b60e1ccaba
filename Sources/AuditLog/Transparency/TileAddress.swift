/// Where a tile or an entry bundle lives in a C2SP tiled log: `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`
/// (c2sp.org/tlog-tiles). A tile holds up to 256 hashes of subtrees of 256^L leaves.
public struct TileAddress: Hashable, Sendable {
    public static let width = 256

    /// Nil for an entry bundle.
    public let level: Int?
    public let index: UInt64
    /// 1–255 for a partial tile, 256 for a full one.
    public let count: Int

    public init(level: Int?, index: UInt64, count: Int) {
        precondition(count >= 1 && count <= Self.width)
        self.level = level
        self.index = index
        self.count = count
    }

    public var isPartial: Bool { count < Self.width }

    public var path: String {
        let head = level.map { "tile/\($0)/" } ?? "tile/entries/"
        return head + Self.encode(index) + (isPartial ? ".p/\(count)" : "")
    }

    /// Parses what follows `tile/`: `<L>/<N>[.p/<W>]` or `entries/<N>[.p/<W>]`; nil for anything else.
    public init?(path: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        let head = parts.removeFirst()
        var level: Int?
        if head != "entries" {
            guard let l = Self.decimal(head), l <= 63 else { return nil }
            level = l
        }
        var count = Self.width
        if parts.count >= 2, parts[parts.count - 2].hasSuffix(".p") {
            guard let w = Self.decimal(parts.removeLast()), w >= 1, w < Self.width else { return nil }
            count = w
            parts[parts.count - 1].removeLast(2)
        }
        guard let index = Self.decode(parts) else { return nil }
        self.init(level: level, index: index, count: count)
    }

    /// 1234067 → `x001/x234/067`.
    static func encode(_ index: UInt64) -> String {
        var groups: [String] = []
        var rest = index
        repeat {
            let group = String(rest % 1000)
            groups.insert(String(repeating: "0", count: 3 - group.count) + group, at: 0)
            rest /= 1000
        } while rest > 0
        return groups.dropLast().map { "x" + $0 + "/" }.joined() + groups.last!
    }

    private static func decode(_ elements: [String]) -> UInt64? {
        guard !elements.isEmpty else { return nil }
        var value: UInt64 = 0
        for (position, element) in elements.enumerated() {
            let last = position == elements.count - 1
            let digits = last ? Substring(element) : element.hasPrefix("x") ? element.dropFirst() : nil
            guard let digits, digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let group = UInt64(digits) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 1000)
            guard !overflow else { return nil }
            value = shifted + group
        }
        return encode(value) == elements.joined(separator: "/") ? value : nil
    }

    private static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              text == "0" || !text.hasPrefix("0") else { return nil }
        return Int(text)
    }

    /// The tiles a tree of `size` leaves is served as at `level`, full ones first; empty tiles are never served.
    public static func tiles(level: Int, treeSize size: UInt64) -> [TileAddress] {
        let hashes = size >> (8 * UInt64(level))
        var tiles = (0..<(hashes / 256)).map { TileAddress(level: level, index: $0, count: width) }
        if hashes % 256 > 0 { tiles.append(TileAddress(level: level, index: hashes / 256, count: Int(hashes % 256))) }
        return tiles
    }

    /// The level-`level` tile that holds hash `position` of that level, as a tree of `size` leaves serves it.
    public static func containing(position: UInt64, level: Int?, treeSize size: UInt64) -> TileAddress {
        let hashes = size >> (8 * UInt64(level ?? 0))
        let index = position / 256
        let count = index < hashes / 256 ? width : Int(hashes % 256)
        return TileAddress(level: level, index: index, count: count)
    }
}
