/// An entry bundle of a tiled log: entries one after another, each after its length as a big-endian 16-bit number
/// (c2sp.org/tlog-tiles).
public enum EntryBundle {
    public static let maximumEntry = Int(UInt16.max)

    public static func encode(_ entries: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            precondition(entry.count <= maximumEntry, "an entry of a tiled log is at most 65,535 bytes")
            out += [UInt8(entry.count >> 8), UInt8(entry.count & 0xFF)] + entry
        }
        return out
    }

    /// The entries, or nil when a length runs past the end.
    public static func decode(_ bytes: [UInt8]) -> [[UInt8]]? {
        var entries: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            guard index + 2 <= bytes.count else { return nil }
            let length = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            guard index + 2 + length <= bytes.count else { return nil }
            entries.append(Array(bytes[index + 2..<index + 2 + length]))
            index += 2 + length
        }
        return entries
    }
}
