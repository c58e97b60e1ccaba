@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// Every step of a match decided once: 8 identical requests make one effect, and conflicting pairs end in one of
/// their two serial orders. The losers get 409; no request gets a server error.
final class EngagementConcurrencyTests: AppTestCase {
    private func api(_ email: String, _ app: Application) async throws -> APIClient {
        try await APIClient.forUser(try await user(email, on: app), app: app)
    }

    private func base(_ match: Engagement) -> String { "/api/v1/matches/\(match.id!.uuidString.lowercased())" }

    private static let expertEmail = "experta@demo.integrity.invalid"

    /// Elena proposed for the Spanish court's need, the coordinator's API client, and the match's API address.
    private func proposedMatchForCoordinator(_ app: Application) async throws -> (Engagement, APIClient, String) {
        var browser = BrowserSession(app: app)
        try await browser.login(Demo.coordinator)
        let (match, _, _) = try await proposedMatch(&browser, app: app)
        return (match, try await api(Demo.coordinator, app), base(match))
    }

    func testConfirmingOneProposalEightTimesMakesOneMatch() async throws {
        try await withTestApp { app in
            _ = try await matchingProgramme(on: app)
            var browser = BrowserSession(app: app)
            try await browser.login(Demo.coordinator)
            let run = try await runBatch(&browser, app: app)
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            let coordinator = try await api(Demo.coordinator, app)
            let before = try await Effects.count(on: app.db)
            let statuses = try await Concurrently.fire(8) {
                try await coordinator.send(.POST, "/api/v1/matching/proposals/\(proposal.id!.uuidString)/decision", json: #"{"decision":"confirm"}"#)
            }
            XCTAssertOneWinner(statuses)
            let engagements = try await Engagement.query(on: app.db).count()
            XCTAssertEqual(engagements, 1)
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit, ["match.confirm": 1])
            XCTAssertEqual(added.mails, 2, "each party is told once")
        }
    }

    func testStepsRepeatedEightTimesHappenOnce() async throws {
        try await withTestApp { app in
            let (_, coordinator, base) = try await proposedMatchForCoordinator(app)

            var before = try await Effects.count(on: app.db)
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await coordinator.send(.POST, "\(base)/due-diligence/open") })
            var added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit, ["engagement.due_diligence_open": 1])
            XCTAssertEqual(added.mails, 2, "each party is asked to declare once")

            // Setting the same declaration or checklist entry again is answered alike and recorded once.
            let expert = try await api(Self.expertEmail, app)
            let none = ConflictQuestion.allCases.map { "\"\($0.rawValue)\": {\"declared\": false}" }.joined(separator: ", ")
            before = try await Effects.count(on: app.db)
            let declared = try await Concurrently.fire(8) {
                try await expert.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(none)}, \"attested\": true}")
            }
            XCTAssertEqual(Set(declared), [.ok])
            let checked = try await Concurrently.fire(8) {
                try await coordinator.send(.PUT, "\(base)/due-diligence/checklist/references", json: #"{"status": "done", "notes": "Two referees."}"#)
            }
            XCTAssertEqual(Set(checked), [.ok])
            added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit, ["conflict.declare": 1, "due_diligence.checklist": 1])

            before = try await Effects.count(on: app.db)
            XCTAssertOneWinner(try await Concurrently.fire(8) {
                try await coordinator.send(.POST, "\(base)/cancel", json: #"{"reason": "The body withdrew the need."}"#)
            })
            added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit, ["engagement.cancel": 1])
            XCTAssertEqual(added.mails, 2)
        }
    }

    func testCancellingWhileOpeningDueDiligenceEndsCancelled() async throws {
        for _ in 0..<3 {
            try await withTestApp { app in
                let (match, coordinator, base) = try await proposedMatchForCoordinator(app)
                let statuses = try await Concurrently.fire([
                    { try await coordinator.send(.POST, "\(base)/cancel", json: #"{"reason": "Withdrawn."}"#) },
                    { try await coordinator.send(.POST, "\(base)/due-diligence/open") },
                ])
                // Cancel then open: the opening is refused. Open then cancel: both succeed. Either way it ends cancelled.
                XCTAssertEqual(statuses[0], .ok)
                XCTAssertTrue([.ok, .conflict].contains(statuses[1]), "\(statuses)")
                let stage = try await Engagement.find(match.id, on: app.db)?.stage
                XCTAssertEqual(stage, .cancelled)
            }
        }
    }

    func testApprovingAndDecliningOneWaiverDecidesItOnce() async throws {
        try await withTestApp { app in
            let (match, coordinator, base) = try await proposedMatchForCoordinator(app)
            _ = try await coordinator.send(.POST, "\(base)/due-diligence/open")
            let answers = ConflictQuestion.allCases.map {
                $0 == .personalRelations ? "\"\($0.rawValue)\": {\"declared\": true, \"details\": \"My cousin clerks at the court.\"}"
                    : "\"\($0.rawValue)\": {\"declared\": false}"
            }.joined(separator: ", ")
            let expert = try await api(Self.expertEmail, app)
            let declared = try await expert.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(answers)}, \"attested\": true}")
            XCTAssertEqual(declared.status, .ok)
            let none = ConflictQuestion.allCases.map { "\"\($0.rawValue)\": {\"declared\": false}" }.joined(separator: ", ")
            let body = try await api(Demo.publicES, app)
            let bodyDeclared = try await body.send(.PUT, "\(base)/declaration", json: "{\"answers\": {\(none)}, \"attested\": true}")
            XCTAssertEqual(bodyDeclared.status, .ok)
            for item in DueDiligenceItem.allCases {
                _ = try await coordinator.send(.PUT, "\(base)/due-diligence/checklist/\(item.rawValue)",
                                               json: #"{"status": "not_applicable", "notes": "Pilot."}"#)
            }
            let waiver = #"{"outcome": "mitigated", "text": "The relation is distant.", "mitigation": "The expert stays out of supplier work."}"#
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await coordinator.send(.POST, "\(base)/due-diligence/decision", json: waiver) })
            let requests = try await DueDiligenceDecision.query(on: app.db).count()
            XCTAssertEqual(requests, 1, "one waiver awaits approval")

            let administrator = try await api(Demo.administrator, app)
            let statuses = try await Concurrently.fire([
                { try await administrator.send(.POST, "\(base)/due-diligence/waiver", json: #"{"approve": true}"#) },
                { try await administrator.send(.POST, "\(base)/due-diligence/waiver", json: #"{"approve": false, "note": "Too close."}"#) },
            ])
            XCTAssertOneWinner(statuses)
            let decision = try await XCTUnwrapAsync(try await DueDiligenceDecision.query(on: app.db).first())
            let engagement = try await XCTUnwrapAsync(try await Engagement.find(match.id, on: app.db))
            if statuses[0] == .ok {
                XCTAssertEqual(decision.status, .decided)
                XCTAssertEqual(engagement.dueDiligence, .mitigated)
            } else {
                XCTAssertEqual(decision.status, .declined)
                XCTAssertEqual(engagement.dueDiligence, .open)
            }
        }
    }

    func testSigningTogetherCompletesSignOffOnce() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let base = self.base(match)
            let expert = try await api(Self.expertEmail, app)
            let body = try await api(Demo.publicES, app)
            let coordinator = try await api(Demo.coordinator, app)
            let terms = Self.termsJSON()
            let saves = try await Concurrently.fire(8) { try await expert.send(.PUT, "\(base)/terms", json: terms) }
            XCTAssertEqual(saves.filter { $0 == .created }.count, 1, "\(saves)")
            XCTAssertFalse(saves.contains { $0.code >= 500 }, "\(saves)")
            let versions = try await TermsVersion.query(on: app.db).count()
            XCTAssertEqual(versions, 1)

            XCTAssertOneWinner(try await Concurrently.fire(8) { try await body.send(.POST, "\(base)/terms/sign") })
            let statuses = try await Concurrently.fire([
                { try await expert.send(.POST, "\(base)/terms/sign") },
                { try await coordinator.send(.POST, "\(base)/terms/sign") },
            ])
            XCTAssertEqual(statuses, [.ok, .ok])
            let signatures = try await TermsSignature.query(on: app.db).count()
            XCTAssertEqual(signatures, 3)
            let stage = try await Engagement.find(match.id, on: app.db)?.stage
            XCTAssertEqual(stage, .torSigned, "the last of the signatures completes sign-off")

            let before = try await Effects.count(on: app.db)
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await coordinator.send(.POST, "\(base)/start") })
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit["engagement.start"], 1)
            let items = try await WorkItem.query(on: app.db).count()
            XCTAssertEqual(items, 2, "one deliverable and one milestone, planned once")
        }
    }

    func testKeepingTheSameDraftTogetherKeepsItOnce() async throws {
        try await withTestApp { app in
            let match = try await clearedMatch(app)
            let expert = try await api(Self.expertEmail, app)
            let unfinished = #"{"months": 4, "successStatement": "Better data."}"#
            let draft = "\(self.base(match))/terms/draft"
            let statuses = try await Concurrently.fire(8) { try await expert.send(.PUT, draft, json: unfinished) }
            XCTAssertEqual(Set(statuses), [.ok], "\(statuses)")
            let kept = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "terms.draft_keep").count()
            XCTAssertEqual(kept, 1, "the same draft eight times is kept once")
            let drafts = try await TermsDraft.query(on: app.db).count()
            XCTAssertEqual(drafts, 1)
        }
    }

    func testClosingStepsAndBothSidesAnsweringTogether() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let base = self.base(match)
            let coordinator = try await api(Demo.coordinator, app)
            XCTAssertOneWinner(try await Concurrently.fire(8) {
                try await coordinator.send(.POST, "\(base)/extend", json: #"{"months": 1, "reason": "The data arrived late."}"#)
            }, winners: 3)
            let months = try await Engagement.find(match.id, on: app.db)?.extensionMonths
            XCTAssertEqual(months, 3, "three months fit within six; the rest are refused")

            XCTAssertOneWinner(try await Concurrently.fire(8) { try await coordinator.send(.POST, "\(base)/closing") })
            let rounds = try await EvaluationRound.query(on: app.db).filter(\.$stage == .post).count()
            XCTAssertEqual(rounds, 1)

            let expert = try await api(Self.expertEmail, app)
            let body = try await api(Demo.publicES, app)
            let bodyAnswers = #"{"answers": {"knowledge_area_3": 4, "needs_met": 5, "satisfaction": 5, "recommend": "yes"}}"#
            let expertAnswers = #"{"answers": {"needs_met": 4, "satisfaction": 4, "recommend": "yes"}}"#
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await expert.send(.POST, "\(base)/evaluations/post", json: expertAnswers) }
                + [try await body.send(.POST, "\(base)/evaluations/post", json: bodyAnswers).status], winners: 2)
            let complete = try await Engagement.find(match.id, on: app.db)?.postEvaluationsComplete
            XCTAssertEqual(complete, true)

            let before = try await Effects.count(on: app.db)
            XCTAssertOneWinner(try await Concurrently.fire(8) { try await coordinator.send(.POST, "\(base)/close", json: "{}") })
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit, ["engagement.close": 1])
            XCTAssertEqual(added.mails, 2)
        }
    }

    func testBothSidesAnsweringTheClosingRoundTogetherCompleteIt() async throws {
        for _ in 0..<3 {
            try await withTestApp { app in
                let match = try await startedMatch(app)
                let base = self.base(match)
                let coordinator = try await api(Demo.coordinator, app)
                _ = try await coordinator.send(.POST, "\(base)/closing")
                let expert = try await api(Self.expertEmail, app)
                let body = try await api(Demo.publicES, app)
                let statuses = try await Concurrently.fire([
                    { try await expert.send(.POST, "\(base)/evaluations/post", json: #"{"answers": {"needs_met": 4, "satisfaction": 4, "recommend": "yes"}}"#) },
                    { try await body.send(.POST, "\(base)/evaluations/post",
                                          json: #"{"answers": {"knowledge_area_3": 4, "needs_met": 5, "satisfaction": 5, "recommend": "yes"}}"#) },
                ])
                XCTAssertEqual(statuses, [.created, .created])
                let complete = try await Engagement.find(match.id, on: app.db)?.postEvaluationsComplete
                XCTAssertEqual(complete, true, "whichever answers second sees the other's answer")
            }
        }
    }

    func testOverlappingReminderPassesSendEachReminderOnce() async throws {
        try await withTestApp { app in
            _ = try await startedMatch(app)
            clock.advance(by: 200 * 86_400)  // past every due date, and silent for months
            let before = try await Effects.count(on: app.db)
            async let first = app.registry.reminders.run()
            async let second = app.registry.reminders.run()
            let sent = try await first + second
            XCTAssertGreaterThan(sent, 0)
            let recorded = try await SentReminder.query(on: app.db).count()
            XCTAssertEqual(sent, recorded, "each reminder is sent by one pass only")
            let added = try await Effects.count(on: app.db).since(before)
            XCTAssertEqual(added.audit["reminder.send"], recorded)
        }
    }

    func testEveryInstanceAskingForThePeriodsSweepQueuesItOnce() async throws {
        try await withTestApp { app in
            _ = try await startedMatch(app)
            clock.advance(by: 200 * 86_400)
            let queued = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 { group.addTask { try await ReminderService.enqueueSweep(app) } }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            XCTAssertEqual(queued, 1, "one sweep per period, whoever asks")
            try await app.jobWorker.drain()
            let sent = try await SentReminder.query(on: app.db).count()
            XCTAssertGreaterThan(sent, 0)
            let again = try await ReminderService.enqueueSweep(app)
            XCTAssertFalse(again, "the same period is not swept twice")
            clock.advance(by: Double(app.configuration.reminderIntervalMinutes * 60))
            let next = try await ReminderService.enqueueSweep(app)
            XCTAssertTrue(next, "the next period has its own sweep")
        }
    }
}
