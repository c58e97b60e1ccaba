/// IX04, round award amounts: an active award's amount is a multiple of `multiple` (10000) and at least
/// `minimum_amount` (the multiple). Negotiated or estimated rather than competed prices are often round. The
/// process's output is the number of such awards.
public struct RoundAwardAmount: ProcessIndicator {
    public static let code = "IX04"
    public static let settingKeys: [String: SettingKind] = ["multiple": .decimal, "minimum_amount": .decimal]
    public static let settingExamples: KeyValuePairs<String, String> = ["multiple": "10000", "minimum_amount": "10000"]
    let multiple: Double
    let minimum: Double

    public init(_ settings: Settings) {
        multiple = settings.decimal("multiple", in: Self.code) ?? 10_000
        minimum = settings.decimal("minimum_amount", in: Self.code) ?? multiple
    }

    public func read(_ process: ContractingProcess, into results: inout Results) {
        guard multiple > 0 else { return }
        let round = process.awards.count { award in
            guard award.status == "active", let amount = award.amount, amount >= minimum else { return false }
            return amount.truncatingRemainder(dividingBy: multiple) == 0
        }
        if round > 0 { results.flag(.ocid, process.ocid, Self.code, Double(round)) }
    }
}
