@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The workspace, the meeting form, the marketing-concern pages and the evaluation pages, built from plain values
/// without the app: empty, typical and error states.
final class EngagementPagesTests: XCTestCase {
    let text = PageFixtures.text
    let today = CalendarDate("2027-03-01")!
    let empty = TrackingService.Workspace(items: [], meetings: [], messages: [], documents: [], timeline: [])

    func item(_ status: WorkItemStatus, due: String) -> WorkItem {
        let item = WorkItem()
        (item.id, item.kind, item.position, item.title, item.dueText, item.status, item.note) = (PageFixtures.otherID, .deliverable, 1, "Pipeline", due, status, "")
        return item
    }

    func meeting(actionDue: String) -> Meeting {
        let meeting = Meeting()
        (meeting.dateText, meeting.attendees, meeting.agenda, meeting.decisions, meeting.outcomes) = ("2027-02-01", "Both leads", "Data", "Use OCDS", "")
        let action = ActionItem()
        (action.id, action.text, action.owner, action.dueText) = (PageFixtures.otherID, "Send the data", "Pablo", actionDue)
        meeting.$actions.value = [action]
        return meeting
    }

    func entry(_ action: String, actor: String) -> AuditEntryRecord {
        let entry = AuditEntryRecord()
        (entry.timestampMs, entry.actor, entry.action) = (1_801_008_000_000, actor, action)
        return entry
    }

    // MARK: The workspace

    func testAnEmptyWorkspaceOfAFinishedMatchOffersNoChanges() throws {
        let page = try WorkPage(match: PageFixtures.match, stage: .closed, running: false, workspace: empty, actors: [:], today: today,
                                form: FormState(), text: text(.en))
        XCTAssertTrue(page.items.isEmpty && page.meetings.isEmpty && page.messages.isEmpty && page.documents.isEmpty && page.timeline.isEmpty)
        XCTAssertNil(page.meetingHref)
        XCTAssertEqual(page.stage, "Closed")
    }

    func testARunningWorkspaceMarksWhatIsOverdueAndNamesWhoDidWhat() throws {
        let workspace = TrackingService.Workspace(
            items: [item(.planned, due: "2027-02-15"), item(.done, due: "2027-02-15")], meetings: [meeting(actionDue: "2027-02-20")], messages: [],
            documents: [], timeline: [entry("document.upload", actor: "user:a"), entry("something.unnamed", actor: "system")])
        let page = try WorkPage(match: PageFixtures.match, stage: .active, running: true, workspace: workspace, actors: ["user:a": "Ada"],
                                today: today, form: FormState(), text: text(.fr))
        XCTAssertEqual(page.items.map(\.overdue), [true, false], "a done item is never overdue")
        XCTAssertEqual(page.items[1].status, "Terminé")
        XCTAssertNotNil(page.items[0].action)
        XCTAssertEqual(page.meetings.first?.actions.first?.overdue, true)
        XCTAssertNotNil(page.meetings.first?.actions.first?.completeAction)
        XCTAssertEqual(page.meetingHref, PageFixtures.matchPath + "/meetings/new")
        XCTAssertEqual(page.timeline.map(\.who), ["Ada", "la plateforme"])
        XCTAssertEqual(page.timeline.last?.what, "something.unnamed", "an action the catalogs do not name reads as itself")
    }

    func testARefusedMessageComesBackWithItsError() throws {
        let form = FormState(values: ["body": ""], errors: [FieldError("body", .required)], on: text(.es))
        let page = try WorkPage(match: PageFixtures.match, stage: .active, running: true, workspace: empty, actors: [:], today: today, form: form, text: text(.es))
        XCTAssertEqual(page.form.errors["body"], "Este campo es obligatorio.")
    }

    // MARK: A meeting

    func testTheMeetingFormOffersFiveActionRowsAndKeepsWhatWasSentWithItsErrors() {
        let blank = MeetingFormPage(match: PageFixtures.match, draft: MeetingDraft(date: "2027-03-01"), errors: [], text: text(.en))
        XCTAssertEqual(blank.actions.count, 5)
        XCTAssertEqual(blank.form.values["date"], "2027-03-01")
        XCTAssertFalse(blank.form.hasErrors)
        let draft = MeetingDraft(date: "2027-03-01", actions: [.init(description: "Send", owner: "", due: "soon")])
        let refused = MeetingFormPage(match: PageFixtures.match, draft: draft, errors: [FieldError("action_due_0", .invalidChoice)], text: text(.en))
        XCTAssertEqual(refused.actions[0].due.value, "soon")
        XCTAssertNotNil(refused.actions[0].due.error)
        XCTAssertTrue(refused.form.hasErrors)
    }

    // MARK: Marketing concerns

    func testAConcernIsDecidedOnlyWhileOpen() {
        let concern = { (status: MarketingConcernStatus) in
            MarketingConcernPage.Concern(id: PageFixtures.otherID, reporter: "Pablo", party: .publicBody, reportedAt: PageFixtures.day,
                                         description: "Offered a licence", links: [], status: status, outcomeText: nil)
        }
        let alternates = [Option(value: "x", label: "Grace", selected: false)]
        let open = MarketingConcernPage(match: PageFixtures.match, concern: concern(.open), alternates: alternates, values: [:], errors: [], text: text(.en))
        XCTAssertNotNil(open.action)
        XCTAssertEqual(open.alternates, alternates)
        XCTAssertFalse(open.outcomes.contains { $0.value == "open" })
        let dismissed = MarketingConcernPage(match: PageFixtures.match, concern: concern(.dismissed), alternates: alternates, values: [:], errors: [],
                                             text: text(.en))
        XCTAssertNil(dismissed.action)
        XCTAssertEqual(dismissed.alternates, [])
    }

    func testARefusedReportKeepsItsTextAndError() {
        let page = MarketingConcernReportPage(match: PageFixtures.match, values: ["description": ""], errors: [FieldError("description", .required)],
                                              text: text(.fr))
        XCTAssertEqual(page.form.errors["description"], "Ce champ est obligatoire.")
        XCTAssertEqual(page.action, PageFixtures.matchPath + "/concerns")
    }

    // MARK: Evaluations

    func testNoRoundOpenYetListsNothing() {
        let page = EvaluationListPage(match: PageFixtures.match, finished: false, rounds: [], reader: nil, party: nil, staff: true, text: text(.en))
        XCTAssertEqual(page.rounds, [])
    }

    func testAPartySeesWhetherTheyAnsweredAndStaffSeeWho() {
        let reader = PageFixtures.otherID
        let rounds = [EvaluationListPage.Round(stage: .pre, openedAt: PageFixtures.day,
                                               responses: [.init(respondent: reader, name: "Ada", party: .expert)]),
                      EvaluationListPage.Round(stage: .mid, openedAt: PageFixtures.day, responses: [])]
        let party = EvaluationListPage(match: PageFixtures.match, finished: false, rounds: rounds, reader: reader, party: .expert, staff: false, text: text(.fr))
        XCTAssertEqual(party.rounds.map(\.yours), ["vous avez répondu", "en attente de vos réponses"])
        XCTAssertEqual(party.rounds.map { $0.href != nil }, [false, true])
        XCTAssertEqual(party.rounds[0].answered, [])
        let staff = EvaluationListPage(match: PageFixtures.match, finished: true, rounds: rounds, reader: nil, party: nil, staff: true, text: text(.en))
        XCTAssertEqual(staff.rounds[0].answered.count, 1)
        XCTAssertTrue(staff.rounds[0].answered[0].hasPrefix("Ada ("))
        XCTAssertTrue(staff.rounds.allSatisfy { $0.href == nil && $0.yours == nil })
    }

    func testAQuestionnaireIsInTheReadersLanguageAndKeepsAnswersWithTheirErrors() {
        let questionnaire = DefaultQuestionnaires.questionnaire(.mid, supportAreas: [3], areaNames: { _ in .init(en: "Data", fr: "Données", es: "Datos") })
        let blank = EvaluationFormPage(match: PageFixtures.match, stage: .mid, questionnaire: questionnaire, party: .expert, raw: [:], errors: [],
                                       text: text(.es))
        XCTAssertEqual(blank.title, "A mitad del intercambio")
        XCTAssertFalse(blank.questions.isEmpty)
        XCTAssertTrue(blank.questions.allSatisfy { $0.error == nil && $0.value.isEmpty })
        let first = blank.questions[0]
        let refused = EvaluationFormPage(match: PageFixtures.match, stage: .mid, questionnaire: questionnaire, party: .expert,
                                         raw: [first.id: ["9"]], errors: [FieldError(first.id, .outOfRange)], text: text(.es))
        XCTAssertEqual(refused.questions[0].value, "9")
        XCTAssertNotNil(refused.questions[0].error)
        XCTAssertTrue(refused.form.summary.first?.message.hasPrefix(first.prompt) ?? false, "the summary names the question")
    }
}
