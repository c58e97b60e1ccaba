@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The demo a newcomer signs in to: a programme with something at every stage, and for every account something
/// waiting whose link opens a form that person may submit.
final class LivingDemoTests: AppTestCase {
    func testTheDemoHoldsEveryStageAndSeedingAgainChangesNothing() async throws {
        try await withTestApp(seed: false) { app in
            let first = try await Platform.seedDemo(app, exchange: true)
            XCTAssertEqual(first.created, 186)
            let stages = Set(try await Engagement.query(on: app.db).all().map(\.stage))
            XCTAssertEqual(stages, Set(EngagementStage.allCases), "an engagement at every stage, cancelled included")
            let needs = Set(try await Need.query(on: app.db).all().map(\.status))
            XCTAssertEqual(needs, [.draft, .screened, .eligible, .ineligible], "needs written, awaiting review, screened both ways")
            let experts = Set(try await ExpertProfile.query(on: app.db).all().map(\.status))
            XCTAssertEqual(experts, [.screened, .eligible, .ineligible])
            let bodies = try await Organisation.query(on: app.db).filter(\.$kind == .publicBody).all()
            XCTAssertEqual(bodies.filter { $0.participationStatus == .eligible }.count, 12)
            XCTAssertGreaterThanOrEqual(Set(bodies.map(\.country)).count, 6)
            let published = try await Publication.query(on: app.db).count()
            XCTAssertEqual(published, 2)
            let run = try await RedFlagRun.query(on: app.db).first()
            XCTAssertEqual(run?.status, .completed)
            XCTAssertEqual(run?.processes, DemoRedFlags.releases)
            let kept = try await TermsDraft.query(on: app.db).all()
            XCTAssertEqual(kept.count, 1, "the match in drafting has an unfinished second version kept")
            let draft = try XCTUnwrap(kept.first)
            let drafting = try await ProposedMatches.loaded(try await XCTUnwrapAsync(try await Engagement.find(draft.$engagement.id, on: app.db)), on: app.db)
            XCTAssertThrowsError(try TermsForm.draft(from: draft.fields).validate(app.registry.terms.context(drafting)).get(),
                                 "the kept draft still breaks a rule, so the demo shows its messages")
            let indicators = try run.flatMap { try StoredRedFlagResults($0) }?.countsByCode.count ?? 0
            XCTAssertGreaterThanOrEqual(indicators, 10, "a run without settings runs every indicator with its defaults")
            let check = try await RedFlagValidation.query(on: app.db).first()
            XCTAssertEqual(check?.fileName, DemoRedFlags.labelsFileName)
            XCTAssertGreaterThan(check?.treatment ?? 0, 10, "the demo's run is checked against labels of both kinds")
            XCTAssertGreaterThan(check?.control ?? 0, 10)
            XCTAssertTrue(check?.rows.contains { $0.impact != .none } ?? false, "and the check finds something")
            let reports = try await Report.query(on: app.db).count()
            XCTAssertEqual(reports, 13, "a report on each seed subject, and last month's complaints and this one's")
            let thread = try await app.registry.reportIntake.open(receipt: DemoProgramme.reportReceipt)
            XCTAssertEqual(thread.messages.map(\.fromWhistleblower), [false, true, false], "the printed receipt opens a question, its answer and a move")
            let reportStages = Set(try await Report.query(on: app.db).all().map(\.status))
            XCTAssertEqual(reportStages, [.received, .underReview, .investigationOpened, .closedWithAction, .closedWithoutAction])
            let statistics = try await app.registry.reportStatistics.statistics()
            XCTAssertNotNil(statistics.tables[.region]?.columnTotals.first { $0 != nil } ?? nil, "the public dashboard shows a region")
            XCTAssertNotNil(statistics.durations.first { $0.channel == .complaint }?.closing, "and how long closing takes")
            let surges = try await app.registry.reportStatistics.oversight().surges
            XCTAssertEqual(surges.map(\.region), [DemoReporting.west], "coordinators see this month's surge")

            let entries = try await AuditEntryRecord.query(on: app.db).count()
            let again = try await Platform.seedDemo(app, exchange: true)
            XCTAssertEqual(again.created, 0)
            let entriesAfter = try await AuditEntryRecord.query(on: app.db).count()
            XCTAssertEqual(entriesAfter, entries, "a second seed writes nothing")
        }
    }

    func testEveryDemoAccountHasSomethingWaitingThatOpensAFormItMaySubmit() async throws {
        try await withTestApp { app in
            _ = try await Platform.seedDemo(app, exchange: true)
            let people = try await User.query(on: app.db).filter(\.$status == .active).all()
            var kinds = Set<InboxItem.Kind>()
            var waiting = 0
            for person in people {
                let items = try await Inbox(db: app.db, today: CalendarDate(app.clock.now())).items(for: person.principal)
                guard !items.isEmpty else { continue }
                waiting += 1
                var browser = BrowserSession(app: app)
                try await browser.login(person.email)
                for item in items {
                    kinds.insert(item.kind)
                    let page = try await browser.get(item.href)
                    XCTAssertEqual(page.status, .ok, "\(person.email): \(item.kind) → \(item.href)")
                    XCTAssertTrue(page.body.string.contains(#"method="post""#), "\(person.email): \(item.kind) → \(item.href) has no form")
                }
            }
            // Drafting the first Terms, beginning to close and publishing wait on states that the demo's engagements have
            // moved past (its drafting one has a version); InboxTests covers them.
            XCTAssertEqual(kinds, Set(InboxItem.Kind.allCases).subtracting([.termsToDraft, .closingToBegin, .exchangeToPublish]),
                           "the demo shows every other kind of item to someone")
            // What the demo banner tells each person to try first is waiting for them.
            let tryFirst: [(String, InboxItem.Kind)] = [
                (Demo.coordinator, .waiverToApprove), (Demo.coordinator, .proposalToDecide), (Demo.coordinator, .needToScreen), (Demo.publicFR, .overdueWork),
                (Demo.publicES, .termsToSign), (Demo.expert, .questionnaireToAnswer), ("experta@demo.integrity.invalid", .termsToSign),
            ]
            for (email, kind) in tryFirst {
                let person = try await user(email, on: app)
                let items = try await Inbox(db: app.db, today: CalendarDate(app.clock.now())).items(for: person.principal)
                XCTAssertTrue(items.contains { $0.kind == kind }, "\(email) signs in to \(kind)")
            }
            XCTAssertGreaterThan(waiting, 10)
        }
    }

    func testWaitingForOthersShowsWhoHoldsWhatEachPersonStarted() async throws {
        try await withTestApp { app in
            _ = try await Platform.seedDemo(app, exchange: true)
            func others(_ key: String) async throws -> [OthersItem] {
                let person = try await XCTUnwrapAsync(try await User.find(StableID.make(key), on: app.db))
                return try await WaitingOnOthers(db: app.db).items(for: person.principal)
            }
            let colleague = try await others("user.coordinator-2")
            XCTAssertTrue(colleague.contains { $0.kind == .waiver && $0.holders == [.anotherCoordinator] }, "the waiver Colin asked for")
            let pablo = try await others("user.public-es")
            XCTAssertTrue(pablo.contains { $0.kind == .needScreening && $0.holders == [.coordinators] }, "the need left to a coordinator")
            let tunisianBody = try await others("user.member.tn-instance")
            XCTAssertFalse(tunisianBody.contains { $0.kind == .declaration }, "the body has not declared: it is waiting for the body itself")
            let senegaleseBody = try await others("user.member.sn-office")
            XCTAssertFalse(senegaleseBody.contains { $0.kind == .consent }, "the body owes its consent")
            let staff = try await others("user.coordinator")
            XCTAssertTrue(staff.contains { $0.kind == .declaration && $0.holders == [.publicBody] }, "staff see the body's declaration outstanding")
            XCTAssertTrue(staff.contains { $0.kind == .consent && $0.holders == [.publicBody] }, "and its publication consent")
            XCTAssertFalse(staff.contains { $0.kind == .waiver }, "Cora holds the waiver: it is in her inbox, not waiting on others")

            let engagements = try await Engagement.query(on: app.db).with(\.$need).with(\.$expert).all()
            for (stage, kind) in [(EngagementStage.dueDiligence, OthersItem.Kind.declaration), (.closed, .consent)] {
                let expertUsers = engagements.filter { $0.stage == stage }.compactMap { $0.expert.$user.id }
                var found = false
                for id in expertUsers {
                    let user = try await XCTUnwrapAsync(try await User.find(id, on: app.db))
                    let items = try await WaitingOnOthers(db: app.db).items(for: user.principal)
                    found = found || items.contains { $0.kind == kind && $0.holders == [.publicBody] }
                }
                XCTAssertTrue(found, "an expert who acted sees the body holding the \(kind)")
            }

            var browser = BrowserSession(app: app)
            try await browser.login(Demo.publicES)
            let home = try await browser.get(HomeRoute.home.link(), accept: "es").body.string
            XCTAssertTrue(home.contains("En espera de otros"))
            XCTAssertTrue(home.contains("está en manos de los coordinadores para su revisión"))
        }
    }

    func testTheInboxIsAlsoAnAPIAnswerInThePersonsLanguage() async throws {
        try await withTestApp { app in
            _ = try await Platform.seedDemo(app, exchange: true)
            let pablo = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let answer = try await pablo.send(.GET, "/api/v1/me/inbox")
            XCTAssertEqual(answer.status, .ok)
            let inbox = try answer.content.decode(InboxDTO.self)
            XCTAssertEqual(inbox.waiting.map(\.kind), ["terms_to_sign"])
            XCTAssertTrue(inbox.waiting[0].message.hasPrefix("Firmar los términos de referencia"), inbox.waiting[0].message)
            XCTAssertTrue(inbox.waiting[0].link.hasSuffix("/terms"))
            XCTAssertEqual(inbox.others.map(\.kind), ["need_screening"])
            XCTAssertEqual(inbox.others.map(\.heldBy), [["coordinators"]])
            let anonymous = try await APIClient.anonymous(app).send(.GET, "/api/v1/me/inbox")
            XCTAssertEqual(anonymous.status, .unauthorized, "signed-in only")
            let text = try await Platform.inboxText(app, email: Demo.publicES, language: "en")
            XCTAssertTrue(text.contains("Sign the Terms of Reference of “Análisis de riesgos"), text)
            XCTAssertTrue(text.contains("is with the coordinators for screening"), text)
        }
    }
}

