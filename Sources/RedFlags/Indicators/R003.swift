/// R003, short submission period: the tender period, from `startDate` to `endDate` in whole days, is shorter than
/// the threshold (15 by default, or per `/tender/procurementMethodDetails` in `[R003.procurement_method_details]`).
/// With `procurement_methods` set, only those methods are read.
public struct ShortSubmissionPeriod: ProcessIndicator {
    public static let code = "R003"
    public static let settingKeys: [String: SettingKind] = ["threshold": .integer, "procurement_methods": .list]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "15", "procurement_methods": "open|selective|limited"]
    let threshold: Double
    let thresholdByDetails: [String: Double]
    let methods: Set<String>?

    public init(_ settings: Settings) {
        threshold = settings.sections[Self.code]?["threshold"].flatMap(Double.init) ?? 15
        thresholdByDetails = (settings.sections["\(Self.code).procurement_method_details"] ?? [:]).compactMapValues(Double.init)
        methods = settings.list("procurement_methods", in: Self.code).map(Set.init)
    }

    public func read(_ process: ContractingProcess, into results: inout Results) {
        if let methods, !methods.contains(process.tender.procurementMethod ?? "") { return }
        guard let start = process.tender.tenderPeriodStart?.seconds,
              let end = process.tender.tenderPeriodEnd?.seconds else { return }
        let limit = process.tender.procurementMethodDetails.flatMap { thresholdByDetails[$0] } ?? threshold
        // Whole days, truncated toward zero, as a duration's day count is.
        let days = ((end - start) / 86_400).rounded(.towardZero)
        if days < limit { results.flag(.ocid, process.ocid, Self.code, 1.0) }
    }
}
