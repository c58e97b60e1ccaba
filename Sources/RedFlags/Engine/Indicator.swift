/// One indicator: it reads each process once and may finish with aggregates (quartiles, fences) at the end.
///
/// Runs on several threads give each thread its own copy for a contiguous run of lines and `merge` the copies in file
/// order, so an indicator's state after merging must equal what one copy reading every line would hold.
public protocol Indicator: Sendable {
    static var code: String { get }
    /// The keys its settings section may hold.
    static var settingKeys: [String: SettingKind] { get }
    /// Each key with its default or an example, in the order `init` writes them.
    static var settingExamples: KeyValuePairs<String, String> { get }
    init(_ settings: Settings)
    mutating func read(_ process: ContractingProcess, into results: inout Results)
    /// Adds what a copy read from the lines after this one's.
    mutating func merge(_ later: Self)
    mutating func finish(_ results: inout Results)
}

public extension Indicator {
    static var settingKeys: [String: SettingKind] { [:] }
    static var settingExamples: KeyValuePairs<String, String> { [:] }

    mutating func finish(_ results: inout Results) {}
}

/// An indicator that keeps nothing between processes: everything it finds goes into the results at once.
public protocol ProcessIndicator: Indicator {}

public extension ProcessIndicator {
    mutating func merge(_ later: Self) {}
}

extension Indicator {
    /// `merge` for an indicator known only as `any Indicator`; both come from the same settings, so of one type.
    mutating func merge(any later: any Indicator) { merge(later as! Self) }
}
