/// R003, short submission period: an open process whose tender period, in whole days, is under the threshold
/// (15 by default).
public struct ShortSubmissionPeriod: Indicator {
    public static let code = "R003"
    let threshold: Double

    public init(_ settings: Settings) {
        threshold = settings.sections[Self.code]?["threshold"].flatMap(Double.init) ?? 15
    }

    public func read(_ release: JSONValue, ocid: String, into results: inout Results) {
        guard release["tender", "procurementMethod"]?.string == "open",
              let start = release["tender", "tenderPeriod", "startDate"]?.string.flatMap(Timestamp.seconds),
              let end = release["tender", "tenderPeriod", "endDate"]?.string.flatMap(Timestamp.seconds) else { return }
        // Whole days, truncated toward zero, as a duration's day count is.
        let days = ((end - start) / 86_400).rounded(.towardZero)
        if days < threshold { results.flag(.ocid, ocid, Self.code, 1.0) }
    }
}
