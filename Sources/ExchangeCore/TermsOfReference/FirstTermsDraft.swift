import Foundation

extension TermsOfReferenceDraft {
    /// The Terms a confirmed match starts from: the need's start, length, support areas (one goal each) and data
    /// arrangements, and the people who will sign: up to two of the body's members, the expert and the coordinator.
    public static func first(for need: NeedDetails, bodyMembers: [String], expert: String, coordinator: String?) -> TermsOfReferenceDraft {
        var draft = TermsOfReferenceDraft()
        draft.start = need.preferredStart.map { CalendarDate($0).description }
        draft.months = String(need.duration)
        draft.people = bodyMembers.prefix(2).map { PersonRow(name: $0, side: TermsSide.publicBody.rawValue) }
            + [PersonRow(name: expert, side: TermsSide.expert.rawValue)]
            + [coordinator].compactMap { $0 }.map { PersonRow(name: $0, side: TermsSide.programmeOffice.rawValue) }
        draft.goals = need.scope.supportAreas.map { GoalRow(supportArea: String($0.rawValue)) }
        draft.dataAccess = need.dataAccess.rawValue
        draft.dataRules = need.dataRules
        return draft
    }
}
