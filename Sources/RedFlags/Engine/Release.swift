/// The checks every indicator shares: a contracting process is left out if its `ocid` is not a string, its tender is
/// cancelled, or its procurement method details are excluded in the settings.
public struct ReleaseFilter: Sendable {
    let excludedMethodDetails: Set<String>

    public init(_ settings: Settings) {
        excludedMethodDetails = Set(settings.list("procurement_method_details", in: "exclusions") ?? [])
    }

    /// The process's ocid, or nil when the process is left out.
    public func ocid(of release: JSONValue) -> String? {
        guard let ocid = release["ocid"]?.string else { return nil }
        if release["tender", "status"]?.string == "cancelled" { return nil }
        if let details = release["tender", "procurementMethodDetails"]?.string, excludedMethodDetails.contains(details) { return nil }
        return ocid
    }
}

/// One indicator: it reads each process once and may finish with aggregates (quartiles, fences) at the end.
public protocol Indicator: Sendable {
    static var code: String { get }
    init(_ settings: Settings)
    mutating func read(_ release: JSONValue, ocid: String, into results: inout Results)
    mutating func finish(_ results: inout Results)
}

public extension Indicator {
    mutating func finish(_ results: inout Results) {}
}
