/// The result of checking one minimum criterion.
public enum ScreeningOutcome: String, Codable, Sendable, CaseIterable {
    case pass
    case fail
    case needsReview = "needs_review"
}

/// One criterion's outcome and why; `reason` names a catalog message (`screening.<reason>`).
public struct CriterionResult<Criterion: Hashable & Sendable>: Sendable, Equatable {
    public let criterion: Criterion
    public let outcome: ScreeningOutcome
    public let reason: String

    public init(_ criterion: Criterion, _ outcome: ScreeningOutcome, _ reason: String) {
        self.criterion = criterion
        self.outcome = outcome
        self.reason = reason
    }
}

/// Every criterion's result, and what they add up to.
public struct Screening<Criterion: Hashable & Sendable>: Sendable, Equatable {
    public let results: [CriterionResult<Criterion>]

    public init(_ results: [CriterionResult<Criterion>]) {
        self.results = results
    }

    /// Any failure makes the participant ineligible; otherwise anything to review waits for a coordinator.
    public var overall: ScreeningOutcome {
        if results.contains(where: { $0.outcome == .fail }) { return .fail }
        if results.contains(where: { $0.outcome == .needsReview }) { return .needsReview }
        return .pass
    }

    public func outcome(of criterion: Criterion) -> ScreeningOutcome? {
        results.first { $0.criterion == criterion }?.outcome
    }
}

/// Fields of experience the programme looks for; `other` needs a statement of how the experience transfers.
public enum ExperienceField: String, Codable, Sendable, CaseIterable {
    case antiCorruption = "anti_corruption"
    case integrity, fraud, audit, compliance, other
}

/// The three separate authorisations both sides give (an expert's employer, or the public body).
public struct Authorisations: Sendable, Equatable, Codable {
    public var proBono: Bool
    public var workHours: Bool
    public var publicCommunication: Bool

    public init(proBono: Bool, workHours: Bool, publicCommunication: Bool) {
        self.proBono = proBono
        self.workHours = workHours
        self.publicCommunication = publicCommunication
    }
}
