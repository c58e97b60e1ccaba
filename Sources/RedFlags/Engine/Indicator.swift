/// One indicator: it reads each process once and may finish with aggregates (quartiles, fences) at the end.
public protocol Indicator: Sendable {
    static var code: String { get }
    /// The keys its settings section may hold.
    static var settingKeys: [String: SettingKind] { get }
    /// Each key with its default or an example, in the order `init` writes them.
    static var settingExamples: KeyValuePairs<String, String> { get }
    init(_ settings: Settings)
    mutating func read(_ process: ContractingProcess, into results: inout Results)
    mutating func finish(_ results: inout Results)
}

public extension Indicator {
    static var settingKeys: [String: SettingKind] { [:] }
    static var settingExamples: KeyValuePairs<String, String> { [:] }

    mutating func finish(_ results: inout Results) {}
}
