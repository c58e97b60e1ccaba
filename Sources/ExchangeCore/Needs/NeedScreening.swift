/// The automatic screening of a submitted need: every rule of the need and its readiness self-assessment is checked;
/// a complete need passes, unless it brings limited or real data, which a coordinator reviews first.
public enum NeedScreening: Equatable, Sendable {
    /// Fields to complete or correct; the need stays a draft.
    case incomplete([FieldError])
    case screened(ScreeningOutcome)

    public static func screen(_ need: NeedDetails, readiness: ReadinessAssessment, taxonomy: SkillsTaxonomy) -> NeedScreening {
        let errors = need.problems(against: taxonomy) + readiness.validate()
        guard errors.isEmpty else { return .incomplete(errors) }
        return .screened(need.dataAccess.needsRules ? .needsReview : .pass)
    }
}
