/// What `--map` adds to the output: the organizations and tenderers behind each flagged process, so results per
/// organization can be traced back to processes. Identifiers in a list are sorted; processes keep file order.
public struct Maps: Sendable, Equatable {
    /// The buyer or procuring entity of each process with a disqualified bid (R038).
    public enum Organization: String, CaseIterable, Sendable {
        case buyer = "ocid_buyer_r038"
        case procuringEntity = "ocid_procuringentity_r038"
    }

    /// The tenderers that submitted bids in each process, and those flagged by each indicator.
    public enum Tenderers: String, CaseIterable, Sendable {
        case submitted = "ocid_tenderer"
        case r024 = "ocid_tenderer_r024"
        case r028 = "ocid_tenderer_r028"
        case r030 = "ocid_tenderer_r030"
        case r035 = "ocid_tenderer_r035"
        case r058 = "ocid_tenderer_r058"

        init?(code: String) { self.init(rawValue: "ocid_tenderer_" + code.lowercased()) }
    }

    public var organizations: [Organization: OrderedMap<String>] = [:]
    public var tenderers: [Tenderers: OrderedMap<[String]>] = [:]

    public init() {}

    mutating func add(_ key: Tenderers, ocid: String, _ id: String) {
        var ids = tenderers[key]?[ocid] ?? []
        guard !ids.contains(id) else { return }
        ids.insert(id, at: ids.firstIndex { $0 > id } ?? ids.endIndex)
        tenderers[key, default: OrderedMap()][ocid] = ids
    }

    mutating func merge(_ later: Maps) {
        for (key, map) in later.organizations { organizations[key, default: OrderedMap()].merge(map) { $0 = $1 } }
        for (key, map) in later.tenderers {
            for (ocid, ids) in map.entries { for id in ids { add(key, ocid: ocid, id) } }
        }
    }

    /// Every key, in cardinal's order, even when empty.
    var json: String {
        let single = Organization.allCases.map { key in
            Results.key(key.rawValue) + ":{" + (organizations[key]?.entries ?? []).map { Results.key($0.0) + ":" + Results.key($0.1) }
                .joined(separator: ",") + "}"
        }
        let lists = Tenderers.allCases.map { key in
            Results.key(key.rawValue) + ":{" + (tenderers[key]?.entries ?? []).map {
                Results.key($0.0) + ":[" + $0.1.map(Results.key).joined(separator: ",") + "]"
            }.joined(separator: ",") + "}"
        }
        return "{" + (single + lists).joined(separator: ",") + "}"
    }
}
