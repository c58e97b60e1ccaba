/// The checks every indicator shares: a contracting process is left out if its `ocid` is not a string, its tender is
/// cancelled, or its procurement method details are excluded in the settings.
public struct ReleaseFilter: Sendable {
    let excludedMethodDetails: Set<String>

    public init(_ settings: Settings) {
        excludedMethodDetails = Set(settings.list("procurement_method_details", in: "exclusions") ?? [])
    }

    /// The process's ocid, or nil when the process is left out.
    public func ocid(of release: CompiledRelease) -> String? {
        guard let ocid = release.ocid else { return nil }
        if release.tender.status == "cancelled" { return nil }
        if let details = release.tender.procurementMethodDetails, excludedMethodDetails.contains(details) { return nil }
        return ocid
    }
}

/// One contracting process as the indicators read it: its release, and the price rules that apply to it, worked
/// out once so that no indicator repeats them.
public struct ContractingProcess: Sendable {
    public let ocid: String
    public let release: CompiledRelease
    /// False when the settings say the buyer predetermines prices for this kind of procedure.
    let comparesPrices: Bool
    /// The currency amounts are compared in: configured, or the first observed on a bid.
    let mainCurrency: String?
    /// Submitted bids with an amount, when prices may be compared (the settings allow it for this kind of procedure)
    /// and every such amount is in the main currency; nil otherwise.
    let comparableBids: [Bid]?

    init(ocid: String, release: CompiledRelease, comparesPrices: Bool, mainCurrency: String?) {
        self.ocid = ocid
        self.release = release
        self.comparesPrices = comparesPrices
        self.mainCurrency = mainCurrency
        let priced = release.bids.filter { $0.isSubmitted && $0.amount != nil }
        comparableBids = comparesPrices && priced.allSatisfy({ $0.currency == mainCurrency }) ? priced : nil
    }

    var tender: Tender { release.tender }
    var bids: [Bid] { release.bids }
    var awards: [Award] { release.awards }

    /// Suppliers of the awards that are active.
    var activeSuppliers: Set<String> { Set(awards.filter { $0.status == "active" }.flatMap(\.suppliers)) }

    /// The supplier of the one active award, when every award is final and that award lists one supplier: the
    /// processes in which cardinal knows which bid won (R024, R025, R058).
    var soleWinner: String? {
        guard !awards.contains(where: \.isUndecided) else { return nil }
        var active = awards.lazy.filter { $0.status == "active" }.makeIterator()
        guard let award = active.next(), active.next() == nil else { return nil }
        return award.soleSupplier
    }
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

    func compares(_ release: CompiledRelease) -> Bool {
        let details = release.tender.procurementMethodDetails
        if let excluded, let details, excluded.contains(details) { return false }
        if let included, !(details.map(included.contains) ?? false) { return false }
        return true
    }
}
