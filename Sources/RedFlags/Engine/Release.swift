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

/// One contracting process as the indicators read it: its release, and its bids and awards extracted once so
/// that no indicator walks the JSON for them again.
public struct ContractingProcess: Sendable {
    public let ocid: String
    public let release: JSONValue
    let bids: [Bid]
    let awards: [Award]
    /// False when the settings say the buyer predetermines prices for this kind of procedure.
    let comparesPrices: Bool
    /// The currency amounts are compared in: configured, or the first observed on a bid.
    let mainCurrency: String?
    /// Submitted bids with an amount, when prices may be compared (the settings allow it for this kind of procedure)
    /// and every such amount is in the main currency; nil otherwise.
    let comparableBids: [Bid]?

    init(ocid: String, release: JSONValue, comparesPrices: Bool, mainCurrency: String?) {
        self.ocid = ocid
        self.release = release
        bids = Bid.all(in: release)
        awards = Award.all(in: release)
        self.comparesPrices = comparesPrices
        self.mainCurrency = mainCurrency
        let priced = bids.filter { $0.isSubmitted && $0.amount != nil }
        comparableBids = comparesPrices && priced.allSatisfy({ $0.currency == mainCurrency }) ? priced : nil
    }

    /// Suppliers of the awards that are active.
    var activeSuppliers: Set<String> { Set(awards.filter { $0.status == "active" }.flatMap(\.suppliers)) }
}

/// The global price-comparison rules: `no_price_comparison_procurement_methods` leaves out procedures whose
/// `/tender/procurementMethodDetails` matches; `price_comparison_procurement_methods` keeps only those that match.
struct PriceComparisonRule {
    let excluded: Set<String>?
    let included: Set<String>?

    init(_ settings: Settings) {
        excluded = settings.list("no_price_comparison_procurement_methods").map(Set.init)
        included = settings.list("price_comparison_procurement_methods").map(Set.init)
    }

    func compares(_ release: JSONValue) -> Bool {
        let details = release["tender", "procurementMethodDetails"]?.string
        if let excluded, let details, excluded.contains(details) { return false }
        if let included, !(details.map(included.contains) ?? false) { return false }
        return true
    }
}

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
