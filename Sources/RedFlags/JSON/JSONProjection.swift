/// Which parts of a JSON value to build. `members` keeps only the named members of an object (applied to every
/// element of an array); the rest are checked and skipped, which is most of a real-world release.
public indirect enum JSONProjection: Sendable {
    case everything
    case members([(key: [UInt8], projection: JSONProjection)])

    /// Members kept whole.
    public static func keep(_ names: String...) -> [(String, JSONProjection)] { names.map { ($0, .everything) } }

    public static func members(_ list: [(String, JSONProjection)]) -> JSONProjection {
        .members(list.map { (Array($0.0.utf8), $0.1) })
    }
}
