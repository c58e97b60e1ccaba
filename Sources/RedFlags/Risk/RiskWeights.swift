/// How much each indicator adds to a process's risk score: 1 each unless the `[risk]` settings section says
/// otherwise, or taken from a validation's logistic-regression coefficients.
public struct RiskWeights: Sendable, Equatable {
    /// Only the codes of indicators that ran; the score divides by their total.
    public let byCode: [(code: String, weight: Double)]

    public static func == (a: RiskWeights, b: RiskWeights) -> Bool {
        a.byCode.elementsEqual(b.byCode) { $0.code == $1.code && $0.weight == $1.weight }
    }

    public var total: Double { byCode.reduce(0) { $0 + $1.weight } }

    public func weight(_ code: String) -> Double { byCode.first { $0.code == code }?.weight ?? 0 }

    init(_ byCode: [(code: String, weight: Double)]) { self.byCode = byCode }

    /// `[risk]` in the settings, e.g. `R024 = 2`; an indicator not named there weighs 1.
    public init(settings: Settings, codes: [String]) {
        let configured = settings.sections[Self.section] ?? [:]
        byCode = codes.map { ($0, configured[$0].flatMap(Double.init) ?? 1) }
    }

    public static let section = "risk"

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The coefficients that `redflags validate --json` wrote. A negative coefficient weighs 0: a flag seen more
    /// among the control group is no reason to look harder. A code the validation did not cover weighs 0.
    public static func fromValidation(_ text: String, codes: [String]) throws(Problem) -> RiskWeights {
        let json: JSONValue
        do { json = try JSONParser.parse(Array(text.utf8)) } catch {
            throw Problem(description: "not valid JSON (\(error.description))")
        }
        guard let flags = json["flags"]?.array else {
            throw Problem(description: "expected the output of `integrity redflags validate --json`, with a \"flags\" list")
        }
        var coefficients: [String: Double] = [:]
        for (index, flag) in flags.enumerated() {
            guard let code = flag["code"]?.string else { throw Problem(description: "flags[\(index)]: no \"code\"") }
            // JSON has no infinity: a coefficient that did not converge is written as null, and adds nothing.
            coefficients[code] = flag["coefficient"]?.number ?? 0
        }
        let weights = RiskWeights(codes.map { ($0, max(0, coefficients[$0] ?? 0)) })
        guard weights.total > 0 else {
            throw Problem(description: "no indicator that runs has a positive coefficient, so every score would be 0")
        }
        return weights
    }
}
