/// R038, excessive disqualified bids: the share of submitted bids that were disqualified, per buyer, procuring
/// entity and tenderer, is at or above the upper fence Q3 + 1.5·IQR of its group (or `threshold`).
///
/// Cardinal compares both minimums with the number of submitted bids behind a ratio, although the buyer's is named
/// `minimum_contracting_processes`; its documented example (a buyer with one process and two bids is flagged)
/// depends on that, so we do the same. A group whose fence is 0 is skipped: most ratios are 0 and all would flag.
public struct ExcessiveDisqualifiedBids: Indicator {
    public static let code = "R038"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal, "minimum_submitted_bids": .integer, "minimum_contracting_processes": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "0.5", "minimum_submitted_bids": "2", "minimum_contracting_processes": "2"]

    struct Ratio: Sendable, Equatable {
        var disqualified = 0
        var submitted = 0
        var value: Double { Double(disqualified) / Double(submitted) }
    }

    let threshold: Double?
    let minimumSubmittedBids: Int
    let minimumForOrganizations: Int
    var ratios: [Group: OrderedMap<Ratio>] = [:]

    public init(_ settings: Settings) {
        let section = settings.sections[Self.code]
        threshold = section?["threshold"].flatMap(Double.init)
        minimumSubmittedBids = section?["minimum_submitted_bids"].flatMap { Int($0) } ?? 2
        minimumForOrganizations = section?["minimum_contracting_processes"].flatMap { Int($0) } ?? 2
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        let submitted = process.bids.filter(\.isSubmitted)
        guard !submitted.isEmpty else { return }
        for bid in submitted {
            for tenderer in bid.tenderers { add(.tenderer, tenderer, disqualified: bid.isDisqualified ? 1 : 0, submitted: 1) }
        }
        let disqualified = submitted.count { $0.isDisqualified }
        let organizations: [(Group, Maps.Organization, String?)] = [
            (.buyer, .buyer, process.release.buyer),
            (.procuringEntity, .procuringEntity, process.tender.procuringEntity),
        ]
        for case let (group, map, id?) in organizations {
            add(group, id, disqualified: disqualified, submitted: submitted.count)
            if disqualified > 0 { results.maps?.organizations[map, default: OrderedMap()][process.ocid] = id }
        }
    }

    private mutating func add(_ group: Group, _ id: String, disqualified: Int, submitted: Int) {
        ratios[group, default: OrderedMap()].update(id, default: Ratio()) { ratio in
            ratio.disqualified += disqualified
            ratio.submitted += submitted
        }
    }

    public mutating func merge(_ later: Self) {
        for (group, map) in later.ratios {
            ratios[group, default: OrderedMap()].merge(map) {
                $0.disqualified += $1.disqualified
                $0.submitted += $1.submitted
            }
        }
    }

    public mutating func finish(_ results: inout Results) {
        for group in [Group.buyer, .procuringEntity, .tenderer] {
            let minimum = group == .tenderer ? minimumSubmittedBids : minimumForOrganizations
            let kept = (ratios[group]?.entries ?? []).filter { $0.1.submitted >= minimum }.map { ($0.0, $0.1.value) }
            guard !kept.isEmpty else { continue }
            var meta = results.meta[Self.code] ?? OrderedMap()
            let fence: Double
            if let threshold {
                fence = threshold
            } else {
                let quartiles = Quartiles(kept.map(\.1))!
                fence = quartiles.upperFence
                meta["\(group.rawValue)_q1"] = Quartiles.rounded(quartiles.q1)
                meta["\(group.rawValue)_q3"] = Quartiles.rounded(quartiles.q3)
            }
            meta["\(group.rawValue)_upper_fence"] = Quartiles.rounded(fence)
            results.meta[Self.code] = meta
            guard fence > 0 else { continue }
            for (id, ratio) in kept where ratio >= fence { results.flag(group, id, Self.code, ratio) }
        }
    }
}
