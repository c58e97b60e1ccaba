/// `prepare`: corrects the quality issues in compiled releases that would distort the indicators, following
/// cardinal's documented behaviour, and reports those it cannot correct.
///
/// In order: organization references are normalised (an object where a list belongs becomes a list, numeric ids
/// become strings, placeholder ids are removed, prefixes added); method details are split; auction bids moved;
/// placeholder bid amounts removed and zero amounts reported; missing currencies, classification schemes and
/// statuses filled from `[defaults]` or reported; status codes mapped by `[codelists.*]` and reported if still not
/// in the OCDS codelist; awards whose contracts are all cancelled are cancelled; party roles completed.
public struct Preparation: Sendable {
    static let bidStatuses: Set<String> = ["invited", "pending", "valid", "disqualified", "withdrawn"]
    static let awardStatuses: Set<String> = ["pending", "active", "cancelled", "unsuccessful"]

    let defaultCurrency: String?
    let defaultScheme: String?
    let defaultBidStatus: String?
    let defaultAwardStatus: String?
    let completesPartyRoles: Bool
    let redactedAmounts: Set<Double>
    let redactedIds: Set<String>
    let cancelsAwardsByContracts: Bool
    let movesAuctions: Bool
    let buyerPrefix: String
    let tendererPrefix: String
    let methodDetailsSeparator: String?
    let bidStatusCodes: [String: String]
    let awardStatusCodes: [String: String]

    public init(_ settings: Settings) {
        let defaults = settings.sections["defaults"] ?? [:]
        defaultCurrency = defaults["currency"]
        defaultScheme = defaults["item_classification_scheme"]
        defaultBidStatus = defaults["bid_status"]
        defaultAwardStatus = defaults["award_status"]
        completesPartyRoles = defaults["party_roles"] == "true"
        redactedAmounts = Set((settings.list("amount", in: "redactions") ?? []).compactMap(Double.init))
        redactedIds = Set(settings.list("organization_id", in: "redactions") ?? [])
        cancelsAwardsByContracts = settings.sections["corrections"]?["award_status_by_contract_status"] == "true"
        let modifications = settings.sections["modifications"] ?? [:]
        movesAuctions = modifications["move_auctions"] == "true"
        buyerPrefix = modifications["prefix_buyer_or_procuring_entity_id"] ?? ""
        tendererPrefix = modifications["prefix_tenderer_or_supplier_id"] ?? ""
        methodDetailsSeparator = modifications["split_procurement_method_details"].flatMap { $0.isEmpty ? nil : $0 }
        bidStatusCodes = settings.sections["codelists.bid_status"] ?? [:]
        awardStatusCodes = settings.sections["codelists.award_status"] ?? [:]
    }

    /// One release, corrected, and the issues found in it (`line` is its line number in the input).
    public func prepare(_ release: JSONValue, line: Int) -> (JSONValue, [PreparationIssue]) {
        var work = Work(settings: self, line: line, ocid: Self.text(of: release["ocid"]))
        var release = release
        work.run(&release)
        return (release, work.issues)
    }

    /// A value as the issues CSV shows it: strings bare, other values as JSON, nothing when missing.
    static func text(of value: JSONValue?) -> String {
        switch value {
        case nil, .null?: ""
        case .string(let text)?: text
        case let other?: JSONWriter.string(other)
        }
    }
}

/// The state of preparing one release.
private struct Work {
    let settings: Preparation
    let line: Int
    let ocid: String
    var issues: [PreparationIssue] = []
    /// Roles each party already has, filled in as organization references are met (`party_roles = true`).
    var roles: [String: Set<String>] = [:]

    init(settings: Preparation, line: Int, ocid: String) {
        self.settings = settings
        self.line = line
        self.ocid = ocid
    }

    mutating func report(_ path: String, _ indexes: String, _ kind: PreparationIssue.Kind, value: String = "") {
        issues.append(PreparationIssue(line: line, ocid: ocid, path: path, indexes: indexes, value: value, kind: kind))
    }

    mutating func run(_ release: inout JSONValue) {
        release.update("parties") { normalizeReferences(&$0, prefix: "", role: nil) }
        if settings.completesPartyRoles { collectRoles(release) }
        release.update("buyer") { normalizeReference(&$0, prefix: settings.buyerPrefix, role: "buyer") }
        release.update("tender") { tender in
            tender.update("procuringEntity") { normalizeReference(&$0, prefix: settings.buyerPrefix, role: "procuringEntity") }
            if let separator = settings.methodDetailsSeparator, let details = tender["procurementMethodDetails"]?.string {
                let prefix = details.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? details
                tender[member: "procurementMethodDetails"] = .string(String(prefix.reversed().drop { $0.isWhitespace }.reversed()))
            }
        }
        if settings.movesAuctions { moveAuctions(&release) }
        release.update("bids") { bids in bids.update("details") { $0.updateElements { prepareBid(&$0, $1) } } }
        let cancelledAwards = settings.cancelsAwardsByContracts ? cancelledAwardIds(&release) : []
        release.update("awards") { $0.updateElements { prepareAward(&$0, $1, cancelled: cancelledAwards) } }
        if settings.completesPartyRoles { applyRoles(&release) }
    }

    // MARK: Organization references

    mutating func normalizeReferences(_ list: inout JSONValue, prefix: String, role: String?) {
        if list.isObject { list = .array([list]) }
        list.updateElements { reference, _ in normalizeReference(&reference, prefix: prefix, role: role) }
    }

    mutating func normalizeReference(_ reference: inout JSONValue, prefix: String, role: String?) {
        guard reference.isObject else { return }
        if let number = reference["id"]?.number { reference[member: "id"] = .string(JSONWriter.number(number)) }
        guard var id = reference["id"]?.string else { return }
        if settings.redactedIds.contains(id) {
            reference[member: "id"] = nil
            return
        }
        if !id.hasPrefix(prefix) {
            id = prefix + id
            reference[member: "id"] = .string(id)
        }
        if let role, roles[id] != nil { roles[id]!.insert(role) }
    }

    mutating func collectRoles(_ release: JSONValue) {
        for party in release["parties"]?.array ?? [] {
            guard let id = party["id"]?.string else { continue }
            roles[id] = Set((party["roles"]?.array ?? []).compactMap(\.string))
        }
    }

    func applyRoles(_ release: inout JSONValue) {
        release.update("parties") { parties in
            parties.updateElements { party, _ in
                guard let id = party["id"]?.string, let set = roles[id], !set.isEmpty else { return }
                party[member: "roles"] = .array(set.sorted().map(JSONValue.string))
            }
        }
    }

    // MARK: Bids

    func moveAuctions(_ release: inout JSONValue) {
        guard release["bids"] == nil, let auctions = release["auctions"]?.array else { return }
        var details: [JSONValue] = []
        release.update("auctions") { auctions in
            auctions.updateElements { auction, _ in
                auction.update("stages") { stages in
                    stages.updateElements { stage, _ in
                        guard let bids = stage["bids"]?.array else { return }
                        details += bids
                        stage[member: "bids"] = nil
                    }
                }
            }
        }
        _ = auctions
        release[member: "bids"] = .object([("details", .array(details))])
    }

    mutating func prepareBid(_ bid: inout JSONValue, _ index: Int) {
        guard bid.isObject else { return }
        bid.update("value") { value in
            guard value.isObject else { return }
            if let amount = value["amount"]?.number {
                if settings.redactedAmounts.contains(amount) {
                    value[member: "amount"] = nil
                } else if amount == 0 {
                    report("/bids/details[]/value/amount", "\(index)", .isZero)
                }
            }
            if value["currency"] == nil {
                if let currency = settings.defaultCurrency { value[member: "currency"] = .string(currency) }
                else { report("/bids/details[]/value/currency", "\(index)", .notSet) }
            }
        }
        bid.update("items") { items in
            items.updateElements { item, itemIndex in fillScheme(&item, path: "/bids/details[]/items[]/classification/scheme", "\(index).\(itemIndex)") }
        }
        prepareStatus(&bid, path: "/bids/details[]/status", index: index, fallback: settings.defaultBidStatus,
                      codes: settings.bidStatusCodes, valid: Preparation.bidStatuses)
        bid.update("tenderers") { normalizeReferences(&$0, prefix: settings.tendererPrefix, role: "tenderer") }
    }

    mutating func fillScheme(_ item: inout JSONValue, path: String, _ indexes: String) {
        item.update("classification") { classification in
            guard classification.isObject, classification["scheme"] == nil else { return }
            if let scheme = settings.defaultScheme { classification[member: "scheme"] = .string(scheme) }
            else { report(path, indexes, .notSet) }
        }
    }

    mutating func prepareStatus(_ object: inout JSONValue, path: String, index: Int, fallback: String?, codes: [String: String], valid: Set<String>) {
        if object["status"] == nil {
            if let fallback { object[member: "status"] = .string(fallback) } else { report(path, "\(index)", .notSet) }
        }
        guard var status = object["status"]?.string else { return }
        if let mapped = codes[status] {
            status = mapped
            object[member: "status"] = .string(status)
        }
        if !valid.contains(status) { report(path, "\(index)", .invalid, value: status) }
    }

    // MARK: Awards

    /// Ids of awards whose contracts are all cancelled; contracts' numeric `awardID`s become strings on the way.
    func cancelledAwardIds(_ release: inout JSONValue) -> Set<String> {
        var allCancelled: [String: Bool] = [:]
        release.update("contracts") { contracts in
            contracts.updateElements { contract, _ in
                guard contract.isObject else { return }
                if let number = contract["awardID"]?.number { contract[member: "awardID"] = .string(JSONWriter.number(number)) }
                guard let awardID = contract["awardID"]?.string else { return }
                let cancelled = contract["status"]?.string == "cancelled"
                allCancelled[awardID] = (allCancelled[awardID] ?? true) && cancelled
            }
        }
        return Set(allCancelled.filter(\.value).keys)
    }

    mutating func prepareAward(_ award: inout JSONValue, _ index: Int, cancelled: Set<String>) {
        guard award.isObject else { return }
        if let number = award["id"]?.number { award[member: "id"] = .string(JSONWriter.number(number)) }
        award.update("items") { items in
            items.updateElements { item, itemIndex in
                item.update("classification") { classification in
                    if let number = classification["id"]?.number { classification[member: "id"] = .string(JSONWriter.number(number)) }
                }
                fillScheme(&item, path: "/awards[]/items[]/classification/scheme", "\(index).\(itemIndex)")
            }
        }
        prepareStatus(&award, path: "/awards[]/status", index: index, fallback: settings.defaultAwardStatus,
                      codes: settings.awardStatusCodes, valid: Preparation.awardStatuses)
        if let id = award["id"]?.string, cancelled.contains(id) { award[member: "status"] = .string("cancelled") }
        award.update("suppliers") { normalizeReferences(&$0, prefix: settings.tendererPrefix, role: "supplier") }
    }
}
