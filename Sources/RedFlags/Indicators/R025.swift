/// R025, excessive unsuccessful bids: a *top* tenderer (its number of valid bids is at or above the `percentile`,
/// 75 by default, of all tenderers' numbers) whose ratio of winning to valid bids is at or below the lower fence
/// Q1 − 1.5·IQR of all ratios (or `threshold`). Its output is that ratio, in the `Tenderer` group.
///
/// What counts, as cardinal counts it: a process counts only when every award with a status is final and exactly
/// one award is active, with exactly one supplier. In it, each tenderer with a valid bid of its own (one tenderer
/// listed) counts once, however many bids it made; amounts are not needed. Joint bids count for nobody. Nothing is
/// flagged when Q1 or the fence is not positive, since most top tenderers would then be flagged.
public struct ExcessiveUnsuccessfulBids: Indicator {
    public static let code = "R025"
    public static let settingKeys: [String: SettingKind] = ["percentile": .integer, "threshold": .decimal]
    public static let settingExamples: KeyValuePairs<String, String> = ["percentile": "75", "threshold": "0.05"]
    let percentile: Double
    let threshold: Double?
    /// Per tenderer, in first-seen order: processes counted, and those it won.
    var tallies = OrderedMap<Tally>()

    struct Tally: Sendable, Equatable {
        var processes = 0
        var won = 0
        var ratio: Double { Double(won) / Double(processes) }
    }

    public init(_ settings: Settings) {
        percentile = settings.sections[Self.code]?["percentile"].flatMap(Double.init) ?? 75
        threshold = settings.sections[Self.code]?["threshold"].flatMap(Double.init)
    }

    public mutating func read(_ process: ContractingProcess, into results: inout Results) {
        guard let winner = process.soleWinner else { return }
        var counted: [String] = []
        for bid in process.bids where bid.isValid {
            guard let tenderer = bid.soleTenderer, !counted.contains(tenderer) else { continue }
            counted.append(tenderer)
            tallies.update(tenderer, default: Tally()) {
                $0.processes += 1
                if tenderer == winner { $0.won += 1 }
            }
        }
    }

    public mutating func merge(_ later: Self) {
        tallies.merge(later.tallies) {
            $0.processes += $1.processes
            $0.won += $1.won
        }
    }

    public mutating func finish(_ results: inout Results) {
        let counts = tallies.entries
        guard !counts.isEmpty else { return }
        let top = Quartiles.quantile(counts.map { Double($0.1.processes) }.sorted(), percentile / 100)
        var meta = OrderedMap<Double>()
        let fence: Double, q1: Double
        if let threshold {
            (fence, q1) = (threshold, 1)
        } else {
            guard let quartiles = Quartiles(counts.map(\.1.ratio)) else { return }
            (fence, q1) = (quartiles.lowerFence, quartiles.q1)
            meta["q1"] = Quartiles.rounded(quartiles.q1)
            meta["q3"] = Quartiles.rounded(quartiles.q3)
        }
        meta["upper_fence"] = Quartiles.rounded(top)
        meta["lower_fence"] = Quartiles.rounded(fence)
        results.meta[Self.code] = meta
        guard q1 > 0, fence > 0 else { return }
        for (tenderer, tally) in counts where Double(tally.processes) >= top && tally.ratio <= fence {
            results.flag(.tenderer, tenderer, Self.code, tally.ratio)
        }
    }
}
