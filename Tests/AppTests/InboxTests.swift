@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// "Waiting for you" is worked out from the programme's state: each item appears for whoever must act, links to a
/// page that person may open, and goes once the thing is done.
final class InboxTests: AppTestCase {
    func testEachPartyOwesItsDeclarationUntilItIsFiled() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&coordinator, app: app)
            let base = MatchRoute.show.link(match.id!), form = DeclarationRoute.form.link(match.id!)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let before = try await expert.get(HomeRoute.home.link()).body.string
            XCTAssertFalse(before.contains(form), "nothing is owed before due diligence opens")

            _ = try await coordinator.post("\(base)/due-diligence/open")
            let asked = try await expert.get(HomeRoute.home.link()).body.string
            XCTAssertContains(asked, #"<a href="\#(form)">Presentar su declaración de intereses para «Análisis OCDS"#)
            let opens = try await expert.get(form).status
            XCTAssertEqual(opens, .ok, "the item's link opens the form the person may submit")
            let bodyAsked = try await body.get(HomeRoute.home.link()).body.string
            XCTAssertContains(bodyAsked, form)
            let staff = try await coordinator.get(HomeRoute.home.link()).body.string
            XCTAssertFalse(staff.contains(form), "staff do not declare")
            XCTAssertTrue(staff.contains(#"<a href="\#(DueDiligenceRoute.review.link(match.id!))">Complete the due-diligence checklist"#),
                          "staff complete the checklist")
            try await completeChecklist(&coordinator, base)
            let completed = try await coordinator.get(HomeRoute.home.link()).body.string
            XCTAssertFalse(completed.contains("Complete the due-diligence checklist"), "every item recorded, so gone")

            _ = try await expert.post("\(base)/declaration", form: DueDiligenceTests.declaration())
            let filed = try await expert.get(HomeRoute.home.link()).body.string
            XCTAssertFalse(filed.contains(form), "filed, so gone")
            let stillOwed = try await body.get(HomeRoute.home.link()).body.string
            XCTAssertContains(stillOwed, form)
        }
    }

    func testAWaiverWaitsForAnotherCoordinatorAndRegistrationsForStaff() async throws {
        try await withTestApp { app in
            var session = BrowserSession(app: app)
            try await session.login(Demo.coordinator)
            let (match, _, _) = try await proposedMatch(&session, app: app)
            let coordinator = try await user(Demo.coordinator, on: app), administrator = try await user(Demo.administrator, on: app)
            let waiver = DueDiligenceDecision()
            (waiver.$engagement.id, waiver.outcome, waiver.status, waiver.text) = (match.id!, .mitigated, .awaitingApproval, "Low risk.")
            (waiver.signals, waiver.requestedBy, waiver.requestedAt) = (JSONList([]), coordinator.id!, Date())
            try await waiver.create(on: app.db)
            let inbox = Inbox(db: app.db, today: CalendarDate(app.clock.now()))

            let mine = try await inbox.items(for: coordinator.principal)
            XCTAssertFalse(mine.contains { $0.kind == .waiverToApprove }, "never the coordinator who asked")
            let theirs = try await inbox.items(for: administrator.principal)
            XCTAssertEqual(theirs.filter { $0.kind == .waiverToApprove }.map(\.href), [DueDiligenceRoute.review.link(match.id!)])
            let pending = try await User.query(on: app.db).filter(\.$status == .pending).count()
            XCTAssertEqual(mine.filter { $0.kind == .registration }.count, pending)
            XCTAssertGreaterThan(pending, 0, "the demo has a registration to approve")
            let expert = try await user(Demo.expert, on: app)
            let expertItems = try await inbox.items(for: expert.principal)
            XCTAssertEqual(expertItems, [], "registrations and waivers are staff work")
            let review = try await session.get(DueDiligenceRoute.review.link(match.id!)).status
            XCTAssertEqual(review, .ok)
        }
    }

    func testAClosedMatchAsksForItsReportThenEachSidesConsent() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let id = match.id!, api = "/api/v1/matches/\(id.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            _ = try await coordinator.send(.POST, "\(api)/closing")
            let closed = try await coordinator.send(.POST, "\(api)/close", json: #"{"overrideReason": "Both sides confirmed the outputs."}"#)
            XCTAssertEqual(closed.status, .ok)
            let inbox = Inbox(db: app.db, today: CalendarDate(app.clock.now()))
            let body = try await user(Demo.publicES, on: app), expert = try await user(DueDiligenceTests.elenaEmail, on: app)
            let report = ReportRoute.show.link(id)
            for party in [body, expert] {
                let kinds = try await inbox.items(for: party.principal).filter { $0.href == report }.map(\.kind)
                XCTAssertEqual(kinds, [.reportToWrite])
            }

            var session = BrowserSession(app: app)
            try await session.login(Demo.publicES)
            let saved = try await session.post(report, form: ["outcome": "A risk list in use.", "lessons": "Start small.", "recommendations": "Budget for cleaning."])
            XCTAssertEqual(saved.status, .seeOther)
            for party in [body, expert] {
                let kinds = try await inbox.items(for: party.principal).filter { $0.href == report }.map(\.kind)
                XCTAssertEqual(kinds, [.consentToGive], "written: now each side says what may be published")
            }
            _ = try await session.post(ReportRoute.consent.link(id), form: [:], arrays: ["items": ["lessons"]])
            let bodyLeft = try await inbox.items(for: body.principal).filter { $0.href == report }
            XCTAssertEqual(bodyLeft, [])
            let expertLeft = try await inbox.items(for: expert.principal).filter { $0.href == report }.map(\.kind)
            XCTAssertEqual(expertLeft, [.consentToGive], "the other side has not answered yet")
            let staff = try await inbox.items(for: try await user(Demo.coordinator, on: app).principal).filter { $0.href == report }
            XCTAssertEqual(staff, [])
        }
    }

    func testWorkPastItsDateIsWaitingForBothSidesUntilItIsDone() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let api = "/api/v1/matches/\(match.id!.uuidString.lowercased())", work = WorkRoute.show.link(match.id!)
            let body = try await user(Demo.publicES, on: app), expert = try await user(DueDiligenceTests.elenaEmail, on: app)
            let staff = try await user(Demo.coordinator, on: app)
            func late(_ person: User) async throws -> Bool {
                try await Inbox(db: app.db, today: CalendarDate(app.clock.now())).items(for: person.principal)
                    .contains { $0.kind == .overdueWork && $0.href == work }
            }
            let early = try await late(body)
            XCTAssertFalse(early, "nothing is due before 2027-02-15")

            clock.advance(by: 120 * 86_400)  // 2027-03-02: the milestone of 2027-02-15 is late, the deliverable not yet
            for party in [body, expert] {
                let owed = try await late(party)
                XCTAssertTrue(owed, party.email)
            }
            let staffOwes = try await late(staff)
            XCTAssertFalse(staffOwes, "the parties do the work; reminders tell staff")
            var session = BrowserSession(app: app)
            try await session.login(Demo.publicES)
            let home = try await session.get(HomeRoute.home.link(), accept: "es").body.string
            XCTAssertTrue(home.contains(#"<a href="\#(work)">Ponerse al día con el trabajo atrasado de «Análisis OCDS»"#), "linked in the person's language")

            let client = try await APIClient.forUser(expert, app: app)
            let workspace = try await client.send(.GET, "\(api)/work").content.decode(APIWorkController.WorkspaceDTO.self)
            let milestone = try XCTUnwrap(workspace.items.first { $0.kind == "milestone" })
            let done = try await client.send(.PUT, "\(api)/work/items/\(milestone.id.uuidString.lowercased())", json: #"{"status": "done"}"#)
            XCTAssertEqual(done.status, .ok)
            let after = try await late(body)
            XCTAssertFalse(after, "done, so gone")
        }
    }

    /// Each step that moves a match on waits for programme staff exactly while the match is ready for it.
    func testStaffAreAskedForEachStepThatMovesAMatchOnWhenItIsReady() async throws {
        try await withTestApp { app in
            let staff = try await user(Demo.coordinator, on: app)
            func steps() async throws -> [InboxItem.Kind] {
                let mine = try await Inbox(db: app.db, today: CalendarDate(app.clock.now())).items(for: staff.principal).map(\.kind)
                return mine.filter { [.proposalToDecide, .dueDiligenceToOpen, .dueDiligenceToDecide, .engagementToStart, .closingToBegin,
                                      .engagementToClose, .exchangeToPublish].contains($0) }
            }
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.coordinator)
            _ = try await matchingProgramme(on: app)
            let run = try await runBatch(&browser, app: app)
            var now = try await steps()
            XCTAssertEqual(now, [.proposalToDecide])
            let expertSteps = try await Inbox(db: app.db, today: CalendarDate(app.clock.now())).items(for: try await user(Demo.expert, on: app).principal)
            XCTAssertEqual(expertSteps, [], "staff steps are staff's alone")
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            _ = try await browser.post("/matching/proposals/\(proposal.id!.uuidString)/decision", form: ["action": "confirm"])
            now = try await steps()
            XCTAssertEqual(now, [.dueDiligenceToOpen])

            let match = try await XCTUnwrapAsync(try await Engagement.query(on: app.db).first())
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(staff, app: app)
            _ = try await coordinator.send(.POST, "\(base)/due-diligence/open")
            now = try await steps()
            XCTAssertEqual(now, [], "declarations and the checklist are not in yet")
            let answers = ConflictQuestion.allCases.map { "\"\($0.rawValue)\": {\"declared\": false}" }.joined(separator: ", ")
            for email in [DueDiligenceTests.elenaEmail, Demo.publicES] {
                let party = try await APIClient.forUser(try await user(email, on: app), app: app)
                _ = try await party.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(answers)}, \"attested\": true}")
            }
            for item in DueDiligenceItem.allCases {
                _ = try await coordinator.send(.PUT, "\(base)/due-diligence/checklist/\(item.rawValue)", json: #"{"status": "not_applicable", "notes": "Pilot."}"#)
            }
            now = try await steps()
            XCTAssertEqual(now, [.dueDiligenceToDecide])
            _ = try await coordinator.send(.POST, "\(base)/due-diligence/decision", json: #"{"outcome": "cleared", "text": "Nothing found."}"#)
            now = try await steps()
            XCTAssertEqual(now, [])

            var clients: [APIClient] = []
            for email in [DueDiligenceTests.elenaEmail, Demo.publicES] { clients.append(try await APIClient.forUser(try await user(email, on: app), app: app)) }
            _ = try await clients[0].send(.PUT, "\(base)/terms", json: Self.termsJSON())
            for client in clients + [coordinator] { _ = try await client.send(.POST, "\(base)/terms/sign") }
            now = try await steps()
            XCTAssertEqual(now, [.engagementToStart])
            _ = try await coordinator.send(.POST, "\(base)/start")
            now = try await steps()
            XCTAssertEqual(now, [])
            clock.advance(by: 185 * 86_400)  // 2027-05-06: the Terms (2027-02-01, three months) ended on 2027-05-01
            now = try await steps()
            XCTAssertEqual(now, [.closingToBegin])
            _ = try await coordinator.send(.POST, "\(base)/closing")
            now = try await steps()
            XCTAssertEqual(now, [], "closing: the closing questionnaires are not in yet")

            let loaded = try await ProposedMatches.loaded(try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db)), on: app.db)
            let round = try await XCTUnwrapAsync(try await app.registry.evaluations.rounds(of: loaded).first { $0.stage == .post })
            for (email, party) in [(DueDiligenceTests.elenaEmail, DeclaringParty.expert), (Demo.publicES, .publicBody)] {
                let raw = DemoAnswers.raw(round.questionnaire.questions(for: party), stage: .post, language: .es)
                try await app.registry.evaluations.respond(.post, raw: raw, on: loaded, as: party, by: try await user(email, on: app))
            }
            now = try await steps()
            XCTAssertEqual(now, [.engagementToClose])
            let closed = try await coordinator.send(.POST, "\(base)/close", json: "{}")
            XCTAssertEqual(closed.status, .ok)
            _ = try await clients[1].send(.PUT, "\(base)/report", json: #"{"outcome": "A risk list in use.", "lessons": "Start small."}"#)
            _ = try await clients[0].send(.PUT, "\(base)/report/consent", json: #"{"items": ["lessons"]}"#)
            now = try await steps()
            XCTAssertEqual(now, [], "one side has consented: nothing to publish yet")
            _ = try await clients[1].send(.PUT, "\(base)/report/consent", json: #"{"items": ["lessons"]}"#)
            now = try await steps()
            XCTAssertEqual(now, [.exchangeToPublish])
            var later = BrowserSession(app: app)  // months have passed: the earlier session expired
            try await later.login(Demo.coordinator)
            let form = try await later.get(ReportRoute.publicationForm.link(match.id!))
            XCTAssertEqual(form.status, .ok)
            _ = try await coordinator.send(.PUT, "\(base)/publication", json: #"{"texts": {"lessons": "Start small."}}"#)
            now = try await steps()
            XCTAssertEqual(now, [], "published: nothing left to do")
        }
    }

    func testEachSideSignsTheLatestTermsOnceAndStaffSignForTheProgrammeOffice() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let api = "/api/v1/matches/\(match.id!.uuidString.lowercased())", terms = TermsRoute.show.link(match.id!)
            let emails = [DueDiligenceTests.elenaEmail, Demo.publicES, Demo.coordinator]
            let people = try await emails.asyncMap { try await self.user($0, on: app) }
            let inbox = Inbox(db: app.db, today: CalendarDate(app.clock.now()))
            func owes(_ person: User) async throws -> Bool { try await inbox.items(for: person.principal).contains { $0.href == terms && $0.kind == .termsToSign } }
            for person in people {
                let owed = try await owes(person)
                XCTAssertFalse(owed, "no version, nothing to sign")
            }
            func drafts(_ person: User) async throws -> Bool { try await inbox.items(for: person.principal).contains { $0.href == terms && $0.kind == .termsToDraft } }
            let expertDrafts = try await drafts(people[0]), bodyDrafts = try await drafts(people[1])
            XCTAssertTrue(expertDrafts && bodyDrafts, "no version yet: both parties are asked to draft one")
            let staffDrafts = try await drafts(people[2])
            XCTAssertFalse(staffDrafts, "staff sign for the programme office; the parties write")

            let clients = try await people.asyncMap { try await APIClient.forUser($0, app: app) }
            let saved = try await clients[0].send(.PUT, "\(api)/terms", json: Self.termsJSON())
            XCTAssertEqual(saved.status, .created)
            let stillDrafting = try await drafts(people[1])
            XCTAssertFalse(stillDrafting, "a version exists: now it is to sign")
            for person in people {
                let owed = try await owes(person)
                XCTAssertTrue(owed)
            }
            let administrator = try await user(Demo.administrator, on: app)
            let officeOwes = try await owes(administrator)
            XCTAssertTrue(officeOwes, "any coordinator may sign for the programme office")

            _ = try await clients[0].send(.POST, "\(api)/terms/sign")
            let expertOwes = try await owes(people[0]), bodyOwes = try await owes(people[1])
            XCTAssertFalse(expertOwes, "signed, so gone")
            XCTAssertTrue(bodyOwes)
            _ = try await clients[2].send(.POST, "\(api)/terms/sign")
            let officeStillOwes = try await owes(administrator)
            XCTAssertFalse(officeStillOwes, "the programme office has signed")

            // Once all three have signed, each party is asked for the baseline questionnaire until they answer it.
            _ = try await clients[1].send(.POST, "\(api)/terms/sign")
            let baseline = EvaluationRoute.form.link(match.id!, EvaluationStage.pre)
            for person in people.prefix(2) {
                let asked = try await inbox.items(for: person.principal).filter { $0.kind == .questionnaireToAnswer }.map(\.href)
                XCTAssertEqual(asked, [baseline])
            }
            let staffAsked = try await inbox.items(for: people[2].principal).filter { $0.kind == .questionnaireToAnswer }
            XCTAssertEqual(staffAsked, [], "staff do not answer the parties' questionnaires")
            let answered = try await clients[0].send(.POST, "\(api)/evaluations/pre", json: #"{"answers": {"expectations": "A working pipeline"}}"#)
            XCTAssertEqual(answered.status, .created)
            let expertAsked = try await inbox.items(for: people[0].principal).filter { $0.kind == .questionnaireToAnswer }
            XCTAssertEqual(expertAsked, [], "answered, so gone")
            let bodyAsked = try await inbox.items(for: people[1].principal).filter { $0.kind == .questionnaireToAnswer }
            XCTAssertEqual(bodyAsked.count, 1)
        }
    }
}

private extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}

