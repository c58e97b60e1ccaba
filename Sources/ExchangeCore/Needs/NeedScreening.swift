/// The automatic screening of a submitted need: every rule of the need and its readiness self-assessment is checked;
/// a complete need passes, unless it brings limited or real data, which a coordinator reviews first.
public enum NeedScreening: Equatable, Sendable {
    /// Fields to complete or correct; the need stays a draft.
    case incomplete([FieldError])
    case screened(ScreeningOutcome)

    public static func screen(_ need: NeedDraft, readiness: ReadinessAssessment, taxonomy: SkillsTaxonomy) -> NeedScreening {
        let errors = need.validate(against: taxonomy) + readiness.validate()
        guard errors.isEmpty else { return .incomplete(errors) }
        return .screened(DataAccess(rawValue: need.dataAccess)?.needsRules == true ? .needsReview : .pass)
    }
}
