/// IX02, non-competitive procedure share: the share of a buyer's processes whose `/tender/procurementMethod` is
/// non-competitive (`direct|limited`) is at or above `threshold` (0.5), for buyers with at least
/// `minimum_contracting_processes` (10) processes with a method. The buyer's output is the share.
public struct NonCompetitiveShare: Indicator {
    public static let code = "IX02"
    public static let settingKeys: [String: SettingKind] = ["threshold": .decimal, "procurement_methods": .list, "minimum_contracting_processes": .integer]
    public static let settingExamples: KeyValuePairs<String, String> = ["threshold": "0.5", "procurement_methods": "direct|limited", "minimum_contracting_processes": "10"]

    struct Share: Sendable, Equatable {
        var nonCompetitive = 0
        var total = 0
    }

    let threshold: Double
    let methods: Set<String>
    let minimum: Int
    var shares = OrderedMap<Share>()

    public init(_ settings: Settings) {
        threshold = settings.decimal("threshold", in: Self.code) ?? 0.5
        methods = Set(settings.list("procurement_methods", in: Self.code) ?? ["direct", "limited"])
        minimum = settings.integer("minimum_contracting_processes", in: Self.code) ?? 10
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        guard let buyer = process.release.buyer, let method = process.tender.procurementMethod else { return }
        let nonCompetitive = methods.contains(method)
        shares.update(buyer, default: Share()) { share in
            share.total += 1
            if nonCompetitive { share.nonCompetitive += 1 }
        }
    }

    public mutating func merge(_ later: Self) {
        shares.merge(later.shares) {
            $0.nonCompetitive += $1.nonCompetitive
            $0.total += $1.total
        }
    }

    public mutating func finish(_ results: inout Results) {
        for (buyer, share) in shares.entries where share.total >= minimum {
            let value = Double(share.nonCompetitive) / Double(share.total)
            if value >= threshold { results.flag(.buyer, buyer, Self.code, value) }
        }
    }
}
