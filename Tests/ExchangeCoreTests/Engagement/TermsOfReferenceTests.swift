import Foundation
import Testing
@testable import ExchangeCore

struct TermsOfReferenceTests {
    static let context = TermsContext(supportAreas: [3, 4])

    static func draft() -> TermsOfReferenceDraft {
        var d = TermsOfReferenceDraft()
        d.start = "2027-02-01"
        d.months = "3"
        d.people = [
            .init(name: "Pablo Ejemplo", side: "public_body", responsibilities: "Owns the data and the decisions"),
            .init(name: "Elena Muestra", side: "expert", responsibilities: "Builds the red-flag pipeline"),
            .init(name: "Cora Ordinator", side: "programme_office", responsibilities: "Keeps the exchange on track"),
            .init(),
        ]
        d.meetingCadence = "Every two weeks"
        d.decisionMaking = "By consensus of the two leads"
        d.escalation = "To the programme office"
        d.goals = [.init(text: "Flag risky tenders", supportArea: "3"), .init(text: "Show flags on a dashboard", supportArea: "4")]
        d.deliverables = [.init(goal: "1", title: "Indicator pipeline", due: "2027-03-15"),
                          .init(goal: "2", title: "Dashboard", due: "2027-05-01")]
        d.milestones = [.init(title: "Data received", due: "2027-02-15")]
        d.successStatement = "We will know we are successful when we have flagged tenders for review every month."
        d.communicationWhat = "Lessons learned"
        d.communicationChannels = "The programme website"
        d.communicationConsent = "Both parties"
        d.dataAccess = "synthetic"
        return d
    }

    static func errors(_ d: TermsOfReferenceDraft) -> [FieldError] {
        if case .failure(let failure) = d.validate(context) { return failure.errors }
        return []
    }

    @Test func aCompleteDraftIsValidAndEndsAfterItsMonths() throws {
        let terms = try Self.draft().validate(Self.context).get()
        #expect(terms.people.count == 3)
        #expect(terms.end == CalendarDate("2027-05-01"))
        #expect(terms.dataHandling.access == .synthetic)
    }

    @Test func durationDefaultsToThreeMonthsAndNeverPassesSix() throws {
        var d = Self.draft()
        d.months = ""
        #expect(try d.validate(Self.context).get().months == 3)
        d.months = "7"
        #expect(Self.errors(d).contains(FieldError("months", .outOfRange)))
        d.months = "2"
        #expect(Self.errors(d).contains(FieldError("months", .outOfRange)))
    }

    @Test func everySideIsNamedAndEveryGoalTiedToTheNeedHasADeliverable() {
        var d = Self.draft()
        d.people.removeLast(2)
        d.goals.append(.init(text: "Train staff", supportArea: "5"))
        d.deliverables.removeLast()
        #expect(Self.errors(d) == [FieldError("people", .missingSide), FieldError("goals[2].supportArea", .invalidChoice),
                                   FieldError("goals[1].text", .goalWithoutDeliverable)])
    }

    @Test func datesFallInsideTheEngagement() {
        var d = Self.draft()
        d.deliverables[1].due = "2027-05-02"
        d.milestones[0].due = "2027-13-01"
        #expect(Self.errors(d) == [FieldError("deliverables[1].due", .outsideEngagement), FieldError("milestones[0].due", .invalidDate)])
    }

    @Test func successIsStatedInTheProgrammesWords() {
        var d = Self.draft()
        d.successStatement = "Success means flagged tenders."
        #expect(Self.errors(d) == [FieldError("successStatement", .successStatementOpening)])
        d.successStatement = "We will know we are successful when we have"
        #expect(Self.errors(d) == [FieldError("successStatement", .successStatementOpening)])
        d.successStatement = "Nous saurons que nous avons réussi lorsque nous aurons publié trois rapports."
        #expect(Self.errors(d).isEmpty)
    }

    @Test func realDataNeedsItsRules() {
        var d = Self.draft()
        d.dataAccess = "real"
        #expect(Self.errors(d) == [FieldError("dataHandling.rules", .required)])
    }

    @Test func aDiffNamesEachChangedField() throws {
        let first = try Self.draft().validate(Self.context).get()
        var d = Self.draft()
        d.months = "4"
        d.milestones.append(.init(title: "Pilot live", due: "2027-04-01"))
        d.valuesTailoring = "No vendor names in outputs."
        let second = try d.validate(Self.context).get()
        let changes = TermsDiff.changes(from: first, to: second)
        #expect(changes.map(\.key) == ["months", "milestone", "values_tailoring"])
        #expect(changes[1] == TermsDiff.Change(key: "milestone", number: 2, before: nil, after: "Pilot live · 2027-04-01"))
        #expect(TermsDiff.changes(from: second, to: first).last == TermsDiff.Change(key: "milestone", number: 2, before: "Pilot live · 2027-04-01", after: nil))
        #expect(TermsDiff.changes(from: nil, to: first).isEmpty)
        #expect(TermsDiff.changes(from: first, to: first).isEmpty)
    }

    @Test func calendarDatesAddMonthsWithoutOverflowing() {
        #expect(CalendarDate("2027-01-31")!.adding(months: 1) == CalendarDate("2027-02-28"))
        #expect(CalendarDate("2028-01-31")!.adding(months: 1) == CalendarDate("2028-02-29"))
        #expect(CalendarDate("2027-11-15")!.adding(months: 3) == CalendarDate("2028-02-15"))
        #expect(CalendarDate("2027-02-29") == nil && CalendarDate("27-02-01") == nil)
    }

    @Test func theFirstDraftComesFromTheNeedAndThePeopleWhoWillSign() {
        let need = NeedDetails(scope: NeedScope(supportAreas: [.visualisation, .infrastructure]),
                               preferredStart: Date(timeIntervalSince1970: 1_803_859_200), dataAccess: .synthetic,
                               dataRules: "Only the test extract leaves the building.")
        let draft = TermsOfReferenceDraft.first(for: need, bodyMembers: ["Pablo Ejemplo", "Rosa Ejemplo", "Third Member"],
                                                expert: "Elena Muestra", coordinator: nil)
        #expect(draft.start == "2027-03-01")
        #expect(draft.months == String(NeedDraft.defaultDuration))
        #expect(draft.people.map(\.name) == ["Pablo Ejemplo", "Rosa Ejemplo", "Elena Muestra"], "two members at most, no coordinator given")
        #expect(draft.people.map(\.side) == ["public_body", "public_body", "expert"])
        #expect(draft.goals.map(\.supportArea) == ["4", "2"])
        #expect(draft.dataAccess == "synthetic")
        #expect(draft.dataRules == "Only the test extract leaves the building.")
        let withCoordinator = TermsOfReferenceDraft.first(for: need, bodyMembers: [], expert: "Elena Muestra", coordinator: "Cora Ordinator")
        #expect(withCoordinator.people.map(\.side) == ["expert", "programme_office"])
    }
}
