/// R018, single bid received: a competitive process (by default `open` or `selective`) reports one tenderer.
public struct SingleBidReceived: ProcessIndicator {
    public static let code = "R018"
    public static let settingKeys: [String: SettingKind] = ["procurement_methods": .list]
    public static let settingExamples: KeyValuePairs<String, String> = ["procurement_methods": "open|selective"]
    let methods: Set<String>

    public init(_ settings: Settings) {
        methods = Set(settings.list("procurement_methods", in: Self.code) ?? ["open", "selective"])
    }

    public func read(_ process: ContractingProcess, into results: inout Results) {
        guard let method = process.tender.procurementMethod, methods.contains(method),
              process.tender.numberOfTenderers == 1 else { return }
        results.flag(.ocid, process.ocid, Self.code, 1.0)
    }
}
