import Foundation
import RedFlags

/// A finished run's stored JSON read back for pages, exports and the API.
struct StoredRedFlagResults: Sendable {
    struct Flag: Sendable, Equatable {
        let group: Group
        let id: String
        let code: String
        let value: Double
    }

    struct ScoredProcess: Sendable, Equatable {
        let ocid: String
        let score: Double
        let codes: [String]
    }

    struct ScoredOrganization: Sendable, Equatable {
        let id: String
        let mean: Double
        let max: Double
        let flagged: Int
        let processes: Int
    }

    /// Every flag, in the results' order.
    let flags: [Flag]
    /// Quartiles and fences per indicator (`Meta`).
    let meta: [String: [(String, Double)]]
    let processes: [ScoredProcess]
    let buyers: [ScoredOrganization]
    let suppliers: [ScoredOrganization]
    let weights: [(String, Double)]
    let parties: [String: RedFlagRunJob.StoredParties]
    /// Organization names by identifier; empty for runs stored before names were kept.
    let names: [String: String]

    /// Nil while the run has no results; a damaged result fails loudly rather than reading as none.
    init?(_ run: RedFlagRun) throws {
        guard let resultsText = run.results, let riskText = run.risk else { return nil }
        let results = try JSONParser.parse(Array(resultsText.utf8)), risk = try JSONParser.parse(Array(riskText.utf8))
        var flags: [Flag] = []
        for group in Group.allCases {
            guard case .object(let ids)? = results[group.rawValue] else { continue }
            for (id, codes) in ids {
                guard case .object(let values) = codes else { continue }
                for (code, value) in values { flags.append(Flag(group: group, id: id, code: code, value: value.number ?? 0)) }
            }
        }
        self.flags = flags
        var meta: [String: [(String, Double)]] = [:]
        if case .object(let codes)? = results["Meta"] {
            for (code, values) in codes {
                if case .object(let entries) = values { meta[code] = entries.map { ($0.0, $0.1.number ?? 0) } }
            }
        }
        self.meta = meta
        processes = (risk["processes"]?.array ?? []).map {
            ScoredProcess(ocid: $0["ocid"]?.string ?? "", score: $0["score"]?.number ?? 0, codes: ($0["flags"]?.array ?? []).compactMap(\.string))
        }
        func organizations(_ key: String) -> [ScoredOrganization] {
            (risk[key]?.array ?? []).map {
                ScoredOrganization(id: $0["id"]?.string ?? "", mean: $0["mean"]?.number ?? 0, max: $0["max"]?.number ?? 0,
                                   flagged: Int($0["flagged"]?.number ?? 0), processes: Int($0["processes"]?.number ?? 0))
            }
        }
        buyers = organizations("buyers")
        suppliers = organizations("suppliers")
        if case .object(let entries)? = risk["weights"] { weights = entries.map { ($0.0, $0.1.number ?? 0) } } else { weights = [] }
        parties = try RedFlagRun.decoded(run.parties, as: [String: RedFlagRunJob.StoredParties].self) ?? [:]
        names = try RedFlagRun.decoded(run.organizationNames, as: [String: String].self) ?? [:]
    }

    /// "Name (identifier)", or the identifier alone when the data gave no name.
    func label(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }

    /// Flags per indicator code, in the order indicators run.
    var countsByCode: [(code: String, count: Int)] {
        let order = IndicatorRun.all.map { $0.code }
        var counts: [String: Int] = [:]
        for flag in flags { counts[flag.code, default: 0] += 1 }
        return order.compactMap { code in counts[code].map { (code, $0) } }
    }

    /// The flags on a process itself and on its buyer, procuring entity, tenderers and suppliers.
    func flags(of ocid: String) -> [Flag] {
        let found = parties[ocid]
        return flags.filter { flag in Self.concerns(flag, ocid: ocid, found) }
    }

    /// For each of `ocids` that the run read, the codes that flag it or its organizations, as
    /// `FlagValidation` takes them; the flags are indexed once rather than scanned per process.
    func codes(of ocids: some Sequence<String>) -> [String: Set<String>] {
        var byOwner: [Group: [String: Set<String>]] = [:]
        for flag in flags { byOwner[flag.group, default: [:]][flag.id, default: []].insert(flag.code) }
        let codes = { (group: Group, id: String?) in id.flatMap { byOwner[group]?[$0] } ?? [] }
        var found: [String: Set<String>] = [:]
        for ocid in ocids {
            guard let party = parties[ocid] else { continue }
            var set = codes(.ocid, ocid).union(codes(.buyer, party.buyer)).union(codes(.procuringEntity, party.procuringEntity))
            for id in party.tenderers + party.suppliers { set.formUnion(codes(.tenderer, id)) }
            found[ocid] = set
        }
        return found
    }

    private static func concerns(_ flag: Flag, ocid: String, _ parties: RedFlagRunJob.StoredParties?) -> Bool {
        switch flag.group {
        case .ocid: return flag.id == ocid
        case .buyer: return flag.id == parties?.buyer
        case .procuringEntity: return flag.id == parties?.procuringEntity
        case .tenderer:
            guard let parties else { return false }
            return parties.tenderers.contains(flag.id) || parties.suppliers.contains(flag.id)
        }
    }

    /// One CSV line per flag, after the standing caveat as a `#` comment line.
    var csvLines: [String] {
        ["# " + RedFlags.caveat, "group,id,indicator,value"]
            + flags.map { CSVExport.row([$0.group.rawValue, $0.id, $0.code, JSONWriter.number($0.value)]) }
    }
}
