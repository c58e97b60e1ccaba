import Foundation

/// How well each flag separates known-corrupt processes (treatment, label 1) from the others (control, label 0):
/// prevalence in each group, their difference, the odds ratio with a 95% interval, and the flag's coefficient in a
/// logistic regression of the label on all flags together. This is the check to make before trusting any flag.
public struct FlagValidation: Sendable {
    public enum Impact: String, Sendable {
        case none = "no impact"
        case low = "low impact"
        case high = "high impact"
    }

    public struct Row: Sendable, Equatable {
        public let code: String
        public let flaggedTreatment: Int
        public let flaggedControl: Int
        public let prevalenceTreatment: Double
        public let prevalenceControl: Double
        public var difference: Double { prevalenceTreatment - prevalenceControl }
        public let oddsRatio: Double
        public let lower: Double
        public let upper: Double
        public let coefficient: Double
        /// High: the interval lies above 1 and the odds ratio is at least 2. Low: the interval lies above 1.
        /// None: the interval includes 1 or lies below it.
        public var impact: Impact { lower > 1 ? (oddsRatio >= 2 ? .high : .low) : .none }
    }

    public let treatment: Int
    public let control: Int
    /// Labelled processes not found in the data.
    public let missing: Int
    public let rows: [Row]

    /// `flags` holds, for each labelled process found in the data, the codes that flag it.
    public init(labels: Labels, flags: [String: Set<String>], codes: [String]) {
        let found = labels.byOcid.filter { flags[$0.key] != nil }
        missing = labels.byOcid.count - found.count
        let ocids = found.keys.sorted()
        let outcome = ocids.map { found[$0]! }
        let treated = outcome.count { $0 }, controls = outcome.count - treated
        treatment = treated
        control = controls
        let design = ocids.map { ocid in codes.map { flags[ocid]!.contains($0) ? 1.0 : 0.0 } }
        let coefficients = LogisticRegression.fit(design, outcome.map { $0 ? 1 : 0 })
        rows = codes.enumerated().map { index, code in
            let a = zip(design, outcome).count { $0[index] == 1 && $1 }
            let b = zip(design, outcome).count { $0[index] == 1 && !$1 }
            return Self.row(code, a: a, b: b, treatment: treated, control: controls, coefficient: coefficients[index + 1])
        }
    }

    /// Woolf's interval on the log odds ratio, with Haldane and Anscombe's 0.5 added to every cell when one is 0.
    static func row(_ code: String, a: Int, b: Int, treatment: Int, control: Int, coefficient: Double) -> Row {
        var cells = [Double(a), Double(treatment - a), Double(b), Double(control - b)]
        if cells.contains(0) { cells = cells.map { $0 + 0.5 } }
        let logOdds = log((cells[0] * cells[3]) / (cells[1] * cells[2]))
        let error = sqrt(cells.map { 1 / $0 }.reduce(0, +))
        return Row(code: code, flaggedTreatment: a, flaggedControl: b,
                   prevalenceTreatment: treatment > 0 ? Double(a) / Double(treatment) : 0,
                   prevalenceControl: control > 0 ? Double(b) / Double(control) : 0,
                   oddsRatio: exp(logOdds), lower: exp(logOdds - 1.959_964 * error), upper: exp(logOdds + 1.959_964 * error),
                   coefficient: coefficient)
    }

    public var table: String {
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        var lines = ["\(treatment) treatment and \(control) control processes" + (missing > 0 ? "; \(missing) labelled processes not in the data" : ""),
                     "flag   treatment  control  difference  odds ratio (95% CI)        coefficient  impact"]
        for row in rows {
            let interval = "\(f(row.oddsRatio, 2)) (\(f(row.lower, 2))–\(f(row.upper, 2)))"
            lines.append([row.code.padding(toLength: 6, withPad: " ", startingAt: 0),
                          f(row.prevalenceTreatment).leftPadded(10), f(row.prevalenceControl).leftPadded(8), f(row.difference).leftPadded(11),
                          "  " + interval.padding(toLength: 25, withPad: " ", startingAt: 0), f(row.coefficient).leftPadded(12), " " + row.impact.rawValue]
                .joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        func n(_ x: Double) -> String { x.isFinite ? Results.decimal(x) : "null" }
        let rows = rows.map { row in
            "{\"code\":\"\(row.code)\",\"flagged_treatment\":\(row.flaggedTreatment),\"flagged_control\":\(row.flaggedControl),"
                + "\"prevalence_treatment\":\(n(row.prevalenceTreatment)),\"prevalence_control\":\(n(row.prevalenceControl)),"
                + "\"difference\":\(n(row.difference)),\"odds_ratio\":\(n(row.oddsRatio)),\"odds_ratio_lower\":\(n(row.lower)),"
                + "\"odds_ratio_upper\":\(n(row.upper)),\"coefficient\":\(n(row.coefficient)),\"impact\":\"\(row.impact.rawValue)\"}"
        }
        return "{\"treatment\":\(treatment),\"control\":\(control),\"missing\":\(missing),\"flags\":[" + rows.joined(separator: ",") + "]}"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
