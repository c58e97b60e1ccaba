/// IX03, contract value raised by amendment: an amended contract's value exceeds the value of the award it
/// implements by more than `threshold` (0.2, i.e. 20%), both in the same currency. Compiled releases keep only the
/// latest contract value, so the award is the baseline. The process's output is the increase as a ratio.
public struct AmendedContractValue: ProcessIndicator {
    public static let code = "IX03"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "0.2"]
    let threshold: Double

    public init(_ settings: Settings) {
        threshold = settings.decimal("threshold", in: Self.code) ?? 0.2
    }

    public func read(_ process: ContractingProcess, into results: inout Results) {
        var largest: Double?
        for contract in process.release.contracts {
            guard contract.isAmended, let amount = contract.amount, let awardID = contract.awardID,
                  let award = process.awards.first(where: { $0.id == awardID }),
                  let baseline = award.amount, baseline > 0, award.currency == contract.currency else { continue }
            let increase = (amount - baseline) / baseline
            if increase > threshold { largest = max(largest ?? increase, increase) }
        }
        if let largest { results.flag(.ocid, process.ocid, Self.code, largest) }
    }
}
