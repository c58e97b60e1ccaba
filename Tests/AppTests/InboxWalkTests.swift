@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// One match from its batch proposal to its public page, each person only following what "Waiting for you" lists
/// and the links of the pages it opens. The page loads it takes are recorded in docs/benchmarks.md.
final class InboxWalkTests: AppTestCase {
    /// Half of the 159 page loads the same walk took before the inbox, by typed addresses and menus.
    static let targetLoads = 79

    func testTheInboxAloneLeadsFromProposalToPublication() async throws {
        try await withTestApp { app in
            var setup = BrowserSession(app: app)
            try await setup.login(Demo.coordinator)
            _ = try await matchingProgramme(on: app)
            let run = try await runBatch(&setup, app: app)
            var coordinator = InboxWalker(Demo.coordinator, app: app)
            var expert = InboxWalker(DueDiligenceTests.elenaEmail, app: app)
            var body = InboxWalker(Demo.publicES, app: app)

            try await coordinator.open(MatchingBoardRoute.run.link(run.id!))
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            try await coordinator.submit(MatchingBoardRoute.decide.link(proposal.id!), form: ["action": "confirm"])
            let id = try await XCTUnwrapAsync(try await Engagement.query(on: app.db).first()).id!

            try await coordinator.open(MatchRoute.show.link(id))
            try await coordinator.submit(DueDiligenceRoute.open.link(id))
            try await expert.open(DeclarationRoute.form.link(id))
            try await expert.submit(DeclarationRoute.file.link(id), form: DueDiligenceTests.declaration())
            try await body.open(DeclarationRoute.form.link(id))
            try await body.submit(DeclarationRoute.file.link(id), form: DueDiligenceTests.declaration())
            try await coordinator.open(DueDiligenceRoute.review.link(id))
            for item in DueDiligenceItem.allCases {
                try await coordinator.follow(DueDiligenceRoute.itemForm.link(id, item))
                try await coordinator.submit(DueDiligenceRoute.saveItem.link(id, item),
                                             form: ["status": "done", "notes": "", "links": "https://registry.example.org/\(item.rawValue)"])
            }
            try await coordinator.submit(DueDiligenceRoute.decide.link(id), form: ["outcome": "cleared", "text": "Nothing found."])

            try await expert.open(TermsRoute.show.link(id))
            try await expert.submit(TermsRoute.save.link(id), form: TermsOfReferenceTests.form())
            try await expert.submit(TermsRoute.sign.link(id))
            try await body.open(TermsRoute.show.link(id))
            try await body.submit(TermsRoute.sign.link(id))
            try await coordinator.open(TermsRoute.show.link(id))
            try await coordinator.submit(TermsRoute.sign.link(id))
            try await coordinator.open(MatchRoute.show.link(id))
            try await coordinator.submit(TermsRoute.start.link(id))
            try await answerQuestionnaires(&expert, as: .expert, id, app)
            try await answerQuestionnaires(&body, as: .publicBody, id, app)

            clock.advance(by: 185 * 86_400)  // past the Terms' end: the walkers' sessions have lapsed meanwhile
            try await coordinator.open(MatchRoute.show.link(id))
            try await coordinator.submit(EngagementStepsRoute.beginClosing.link(id))
            try await answerQuestionnaires(&expert, as: .expert, id, app)
            try await answerQuestionnaires(&body, as: .publicBody, id, app)
            try await coordinator.open(MatchRoute.show.link(id))
            try await coordinator.submit(EngagementStepsRoute.close.link(id))

            try await body.open(ReportRoute.show.link(id))
            try await body.submit(ReportRoute.save.link(id), form: [
                "outcome": "A monthly risk list in use by the audit unit.", "lessons": "Start with synthetic data.",
                "recommendations": "Budget for data cleaning.",
            ])
            try await body.submit(ReportRoute.consent.link(id), arrays: ["items": ["summary", "lessons"]])
            try await expert.open(ReportRoute.show.link(id))
            try await expert.submit(ReportRoute.consent.link(id), arrays: ["items": ["summary", "lessons"]])
            try await coordinator.open(ReportRoute.publicationForm.link(id))
            try await coordinator.submit(ReportRoute.publish.link(id), form: [
                "action": "publish", "text_summary": "A court of accounts worked with a data expert on procurement analysis.",
                "text_lessons": "Start with synthetic data.", "post": "",
            ])

            var visitor = BrowserSession(app: app)
            let published = try await visitor.get(PublicRoute.show.link(id)).body.string
            XCTAssertContains(published, "Start with synthetic data.")
            for walker in [coordinator, expert, body] {
                var walker = walker
                let left = try await walker.dashboard()
                XCTAssertFalse(left.contains { $0.contains(id.pathSegment) }, "\(walker.email) has nothing left on this match: \(left)")
            }
            let loads = coordinator.loads + expert.loads + body.loads
            print("inbox walk: \(loads) page loads (coordinator \(coordinator.loads), expert \(expert.loads), public body \(body.loads))")
            XCTAssertLessThanOrEqual(loads, Self.targetLoads)
        }
    }

    /// Answers each questionnaire on this match that "Waiting for you" asks the person for, as the demo's people answer.
    private func answerQuestionnaires(_ walker: inout InboxWalker, as party: DeclaringParty, _ id: UUID, _ app: Application) async throws {
        let person = try await user(walker.email, on: app)
        let asked = try await Inbox(db: app.db, today: CalendarDate(app.clock.now())).items(for: person.principal)
            .filter { $0.kind == .questionnaireToAnswer }.map(\.href)
        XCTAssertFalse(asked.isEmpty, "\(walker.email) is asked for a questionnaire")
        let match = try await ProposedMatches.loaded(try await XCTUnwrapAsync(try await Engagement.find(id, on: app.db)), on: app.db)
        for round in try await app.registry.evaluations.rounds(of: match) where asked.contains(EvaluationRoute.form.link(id, round.stage)) {
            try await walker.open(EvaluationRoute.form.link(id, round.stage))
            let answers = DemoAnswers.raw(round.questionnaire.questions(for: party), stage: round.stage, language: .es)
            try await walker.submit(EvaluationRoute.answer.link(id, round.stage), arrays: answers)
        }
    }
}
