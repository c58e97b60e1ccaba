/// R048, heterogeneous supplier: the number of distinct item classifications (their first `digits` characters,
/// 2 by default) a tenderer was awarded is at or above the upper fence Q3 + 1.5·IQR (or `threshold`), among
/// tenderers awarded classified items in at least `minimum_contracting_processes` (20) processes. Only active
/// awards to a single supplier count, since the items of a joint award cannot be told apart.
public struct HeterogeneousSupplier: Indicator {
    public static let code = "R048"
    public static let settingKeys: [String: SettingKind] = ["digits": .integer, "threshold": .integer, "minimum_contracting_processes": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["digits": "2", "threshold": "10", "minimum_contracting_processes": "20"]

    struct Variety: Sendable, Equatable {
        var processes = 0
        var classifications = Set<String>()
    }

    let digits: Int
    let threshold: Double?
    let minimumProcesses: Int
    var varieties = OrderedMap<Variety>()

    public init(_ settings: Settings) {
        let section = settings.sections[Self.code]
        digits = section?["digits"].flatMap { Int($0) } ?? 2
        threshold = section?["threshold"].flatMap(Double.init)
        minimumProcesses = section?["minimum_contracting_processes"].flatMap { Int($0) } ?? 20
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        var counted = Set<String>()
        for award in process.awards {
            // One supplier entry, and it has an identifier.
            guard award.status == "active", award.supplierEntries == 1, award.suppliers.count == 1 else { continue }
            let supplier = award.suppliers[0]
            for item in award.items {
                guard let classification = item.classificationID else { continue }
                let first = counted.insert(supplier).inserted
                varieties.update(supplier, default: Variety()) { variety in
                    if first { variety.processes += 1 }
                    variety.classifications.insert(String(classification.prefix(digits)))
                }
            }
        }
    }

    public mutating func merge(_ later: Self) {
        varieties.merge(later.varieties) {
            $0.processes += $1.processes
            $0.classifications.formUnion($1.classifications)
        }
    }

    public mutating func finish(_ results: inout Results) {
        let kept = varieties.entries.filter { $0.1.processes >= minimumProcesses }.map { ($0.0, Double($0.1.classifications.count)) }
        var meta = OrderedMap<Double>()
        let fence: Double
        if let threshold {
            fence = threshold
        } else {
            guard let quartiles = Quartiles(kept.map(\.1)) else { return }
            fence = quartiles.upperFence
            meta["q1"] = Quartiles.rounded(quartiles.q1)
            meta["q3"] = Quartiles.rounded(quartiles.q3)
        }
        meta["upper_fence"] = Quartiles.rounded(fence)
        results.meta[Self.code] = meta
        for (id, variety) in kept where variety >= fence { results.flag(.tenderer, id, Self.code, variety) }
    }
}
