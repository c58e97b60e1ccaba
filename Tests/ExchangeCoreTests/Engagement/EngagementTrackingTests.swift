import Testing
@testable import ExchangeCore

struct EngagementTrackingTests {
    let today = CalendarDate("2027-03-10")!

    @Test func calendarDaysCountAcrossMonthsAndLeapYears() {
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate("2028-02-29")!.adding(days: 1) == CalendarDate("2028-03-01"))
        #expect(CalendarDate("2027-12-31")!.adding(days: 1) == CalendarDate("2028-01-01"))
        for text in ["1999-12-31", "2000-02-29", "2026-11-21", "2100-03-01"] {
            let date = CalendarDate(text)!
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        }
    }

    @Test func thePlanListsDeliverablesThenMilestonesByDate() throws {
        let terms = try TermsOfReferenceTests.draft().validate(TermsOfReferenceTests.context).get()
        let plan = PlannedWorkItem.plan(terms)
        #expect(plan.map(\.kind) == [.deliverable, .deliverable, .milestone])
        #expect(plan.first?.goal == 1 && plan.last?.goal == nil)
    }

    @Test func droppingWorkNeedsANote() {
        #expect(WorkItemUpdate.parse(status: "dropped", note: " ").1 == [FieldError("note", .required)])
        #expect(WorkItemUpdate.parse(status: "done", note: nil).0?.status == .done)
        #expect(WorkItemUpdate.parse(status: "late", note: nil).1 == [FieldError("status", .invalidChoice)])
    }

    @Test func aMeetingIsLoggedAfterItHappenedWithActionsDueFromThen() {
        var draft = MeetingDraft(date: "2027-03-11", attendees: "Pablo, Elena", agenda: "Data model",
                                 actions: [.init(description: "Share the schema", owner: "Elena", due: "2027-03-01"), .init()])
        let errors: [FieldError]
        if case .failure(let failure) = draft.validate(today: today) { errors = failure.errors } else { errors = [] }
        #expect(errors == [FieldError("date", .inFuture), FieldError("actions[0].due", .beforeMeeting)])
        draft.date = "2027-02-28"
        let meeting = try? draft.validate(today: today).get()
        #expect(meeting?.actions.count == 1 && meeting?.decisions == "")
    }

    @Test func remindersComeOncePerCauseAndAgainAfterNewActivity() {
        let facts = ReminderFacts(
            actions: [.init(id: "a1", title: "Share the schema", due: CalendarDate("2027-03-09")!, open: true),
                      .init(id: "a2", title: "Done already", due: CalendarDate("2027-03-01")!, open: false)],
            workItems: [.init(id: "w1", title: "Pipeline", due: CalendarDate("2027-03-10")!, open: true)],
            lastActivity: CalendarDate("2027-02-24")!)
        let due = Reminders.due(facts, today: today)
        #expect(due.map(\.kind) == [.overdueAction, .inactive])
        #expect(due.map(\.key) == ["overdue_action:a1:2027-03-09", "inactive:2027-02-24"])
        var active = facts
        active.lastActivity = CalendarDate("2027-03-01")!
        #expect(Reminders.due(active, today: today).map(\.kind) == [.overdueAction])
        #expect(Reminders.due(facts, today: today, inactivityDays: 30).map(\.kind) == [.overdueAction])
    }

    @Test func documentsAreWhatTheirNamesSay() throws {
        #expect(try DocumentFormat.check(filename: "minutes.PDF", bytes: Array("%PDF-1.7 ...".utf8)) == .pdf)
        #expect(try DocumentFormat.check(filename: "plan.docx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0]) == .docx)
        #expect(try DocumentFormat.check(filename: "flags.csv", bytes: Array("ocid,flag\n".utf8)) == .csv)
        #expect(throws: DocumentFormat.Refusal.unsupported) { try DocumentFormat.check(filename: "report.pdf", bytes: Array("MZ".utf8)) }
        #expect(throws: DocumentFormat.Refusal.unsupported) { try DocumentFormat.check(filename: "tool.exe", bytes: Array("MZ".utf8)) }
        #expect(throws: DocumentFormat.Refusal.empty) { try DocumentFormat.check(filename: "empty.txt", bytes: []) }
        #expect(throws: DocumentFormat.Refusal.tooLarge) {
            try DocumentFormat.check(filename: "big.txt", bytes: Array(repeating: 0x41, count: DocumentFormat.maximumBytes + 1))
        }
    }
}
