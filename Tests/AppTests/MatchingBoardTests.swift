@testable import App
import AuditLog
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The coordinator's batch proposal, end to end: run, progress, confirm or override, and what each party then sees.
final class MatchingBoardTests: AppTestCase {
    func testTheCoordinatorRunsABatchReadsWhyAndConfirmsAndBothPartiesAreTold() async throws {
        try await withTestApp { app in
            let (need, elena, eli) = try await matchingProgramme(on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let board = try await coordinator.get("/matching")
            XCTAssertContains(board.body.string, "Open, screened needs ready for matching: 1.")

            let run = try await runBatch(&coordinator, app: app)
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            XCTAssertEqual(proposal.$expert.id, elena.id)
            XCTAssertEqual(proposal.alternates.map(\.expertProfileID), [eli.id!])
            let page = try await coordinator.get(MatchingBoardRoute.run.link(run.id!)).body.string
            XCTAssertContains(page, "Proposed: Elena Muestra (Example Analytics Ltd (fictional)), score")
            XCTAssertContains(page, "Eli Expert (Example Analytics Ltd (fictional))")
            XCTAssertContains(page, "<dt>Skills</dt><dd>100%</dd>")

            let confirmed = try await coordinator.post("/matching/proposals/\(proposal.id!.uuidString)/decision", form: ["action": "confirm"])
            XCTAssertEqual(confirmed.status, .seeOther)
            let match = try await XCTUnwrapAsync(try await Engagement.query(on: app.db).first())
            XCTAssertEqual(match.stage, .proposed)
            XCTAssertEqual(match.$expert.id, elena.id)
            XCTAssertEqual(match.$need.id, need.id)

            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "match.confirm").first())
            XCTAssertEqual(entry.subjectID, proposal.id!.uuidString.lowercased())
            for party in [StableID.make("user.expert-es"), StableID.make("user.public-es")] {
                let note = try await UserNotification.query(on: app.db).filter(\.$user.$id == party)
                    .filter(\.$messageKey == "notification.match_proposed").first()
                XCTAssertEqual(note?.link, MatchRoute.show.link(match.id!))
            }
            let mails = try await MailMessage.query(on: app.db).all().filter { $0.body.contains(MatchRoute.show.link(match.id!)) }
            XCTAssertEqual(Set(mails.map(\.recipient)), [Demo.publicES, "experta@demo.integrity.invalid"])

            // Both parties read why; nobody else learns the match exists.
            var expert = BrowserSession(app: app)
            try await expert.login("experta@demo.integrity.invalid")
            let why = try await expert.get(MatchRoute.show.link(match.id!))
            XCTAssertEqual(why.status, .ok)
            XCTAssertContains(why.body.string, "Competencias requeridas cubiertas: Estándar de Datos de Contrataciones Abiertas (OCDS) (nivel 3")
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let theirs = try await body.get(MatchRoute.show.link(match.id!))
            XCTAssertEqual(theirs.status, .ok)
            XCTAssertContains(theirs.body.string, "Elena Muestra")
            for outsider in [Demo.publicFR, Demo.expert, Demo.analyst] {
                var other = BrowserSession(app: app)
                try await other.login(outsider)
                let denied = try await other.get(MatchRoute.show.link(match.id!))
                XCTAssertEqual(denied.status, .notFound, "\(outsider)")
            }

            let again = try await coordinator.post("/matching/proposals/\(proposal.id!.uuidString)/decision", form: ["action": "confirm"])
            let refusal = try await coordinator.assertRefused(again)
            XCTAssertContains(refusal, "This proposal has already been decided.")
            let engagements = try await Engagement.query(on: app.db).count()
            XCTAssertEqual(engagements, 1)
            let next = try await coordinator.get("/matching")
            XCTAssertContains(next.body.string, "Open, screened needs ready for matching: 0.")  // a matched need is no longer open
        }
    }

    func testOverridingNeedsAReasonAndAnOfferedExpert() async throws {
        try await withTestApp { app in
            let (_, _, eli) = try await matchingProgramme(on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let run = try await runBatch(&coordinator, app: app)
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            let path = "/matching/proposals/\(proposal.id!.uuidString)/decision"

            let noReason = try await coordinator.post(path, form: ["action": "override", "expertProfileID": eli.id!.uuidString, "reason": " "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertContains(noReason.body.string, "This field is required.")
            let stranger = try await coordinator.post(path, form: ["action": "override", "expertProfileID": UUID().uuidString, "reason": "r"])
            XCTAssertEqual(stranger.status, .unprocessableEntity, "only an alternate or the stable choice may be picked")
            let engagements = try await Engagement.query(on: app.db).count()
            XCTAssertEqual(engagements, 0, "nothing is written on a refused decision")

            let reason = "Eli already knows the court's e-procurement system."
            let overridden = try await coordinator.post(path, form: ["action": "override", "expertProfileID": eli.id!.uuidString, "reason": reason])
            XCTAssertEqual(overridden.status, .seeOther)
            let match = try await XCTUnwrapAsync(try await Engagement.query(on: app.db).first())
            XCTAssertEqual(match.$expert.id, eli.id)
            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "match.override").first())
            XCTAssertEqual(entry.reason, reason)
        }
    }

    func testADeclinedNeedIsNeverProposedAndStableMatchingIsComparedWithTheOptimum() async throws {
        try await withTestApp { app in
            let (need, _, eli) = try await matchingProgramme(on: app)
            var elena = BrowserSession(app: app)
            try await elena.login("experta@demo.integrity.invalid")
            let open = try await elena.get("/opportunities")
            XCTAssertContains(open.body.string, "Análisis OCDS")
            let declined = try await elena.post("/opportunities/\(need.id!.uuidString)", form: ["stance": "declined"])
            XCTAssertEqual(declined.status, .seeOther)
            let bad = try await elena.post("/opportunities/\(need.id!.uuidString)", form: ["stance": "maybe"])
            XCTAssertEqual(bad.status, .unprocessableEntity)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let run = try await runBatch(&coordinator, app: app)
            let proposal = try await XCTUnwrapAsync(try await MatchProposal.query(on: app.db).filter(\.$run.$id == run.id!).first())
            XCTAssertEqual(proposal.$expert.id, eli.id)
            XCTAssertEqual(proposal.alternates, [])
            let comparison = try await coordinator.get(MatchingBoardRoute.comparison.link(run.id!))
            XCTAssertEqual(comparison.status, .ok)
            XCTAssertContains(comparison.body.string, "<dt>Difference (optimum − stable)</dt><dd>0.00</dd>")
        }
    }

    func testSettingsAreValidatedAuditedAndUsed() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            var form = Dictionary(uniqueKeysWithValues: MatchCriterion.allCases.map { ("weights[\($0.rawValue)]", "1") })
            form["weights[skills]"] = "lots"
            form["penalty"] = "2"
            form["alternates"] = "3"
            form["reason"] = ""
            let refused = try await coordinator.post("/matching/settings", form: form)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertContains(refused.body.string, "Skills: Enter a number in the allowed range.")
            let unchanged = try await ProgrammeSettings(db: app.db).matching()
            XCTAssertEqual(unchanged, .standard)

            form["weights[skills]"] = "3"
            form["penalty"] = "0,5"
            form["reason"] = "Skills matter most this year."
            let saved = try await coordinator.post("/matching/settings", form: form)
            XCTAssertEqual(saved.status, .seeOther)
            let settings = try await ProgrammeSettings(db: app.db).matching()
            XCTAssertEqual(settings.weights[.skills], 3)
            XCTAssertEqual(settings.penalty, 0.5)
            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "matching.settings_update").first())
            XCTAssertEqual(entry.reason, "Skills matter most this year.")
        }
    }

    func testARunCutShortIsReportedAsInterruptedNotLeftSpinning() async throws {
        try await withTestApp { app in
            let coordinatorID = StableID.make("user.coordinator")
            let orphan = try await app.auditLog.transaction(on: app.db, actor: .system("test")) { scope in
                let run = MatchRun()
                run.id = UUID()
                run.status = .running
                run.settings = .standard
                run.needCount = 0
                run.startedBy = coordinatorID
                run.startedAt = Date(timeIntervalSince1970: 0)
                try await run.create(on: scope.db)
                try await scope.record(.matchRunStart, .matchRun(run.id!))
                return run
            }
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let progress = try await coordinator.get(MatchingBoardRoute.progress.link(orphan.id!))
            XCTAssertContains(progress.body.string, #""status":"failed""#)  // so the page script stops polling and shows why
            let page = try await coordinator.get(MatchingBoardRoute.run.link(orphan.id!))
            XCTAssertContains(page.body.string, "This run was interrupted")
            _ = try await coordinator.get("/matching")
            let stored = try await MatchRun.find(orphan.id, on: app.db)
            XCTAssertEqual(stored?.status, .failed)
            XCTAssertEqual(stored?.failure, "matching.failure.interrupted")
        }
    }

    func testOnlyProgrammeStaffUseTheBoard() async throws {
        try await withTestApp { app in
            for role in [Role.publicParticipant, .expert, .analyst, .evaluator] {
                var browser = BrowserSession(app: app)
                try await browser.login(Demo.email(for: role))
                let board = try await browser.get("/matching")
                XCTAssertEqual(board.status, .forbidden, "\(role)")
                let start = try await browser.post("/matching/runs")
                XCTAssertEqual(start.status, .forbidden, "\(role)")
                let settings = try await browser.post("/matching/settings", form: ["penalty": "0.5", "reason": "r"])
                XCTAssertEqual(settings.status, .forbidden, "\(role)")
            }
        }
    }

    func testOnlyExpertsMarkInterestInNeeds() async throws {
        try await withTestApp { app in
            let (need, _, _) = try await matchingProgramme(on: app)
            for role in [Role.publicParticipant, .coordinator, .analyst, .evaluator] {
                var browser = BrowserSession(app: app)
                try await browser.login(Demo.email(for: role))
                let list = try await browser.get("/opportunities")
                XCTAssertEqual(list.status, .forbidden, "\(role)")
                let mark = try await browser.post("/opportunities/\(need.id!.uuidString)", form: ["stance": "interested"])
                XCTAssertEqual(mark.status, .forbidden, "\(role)")
                let api = try await APIClient.forUser(try await user(Demo.email(for: role), on: app), app: app)
                let put = try await api.send(.PUT, "/api/v1/opportunities/\(need.id!.uuidString)", json: #"{"stance":"interested"}"#)
                XCTAssertEqual(put.status, .forbidden, "\(role)")
            }
            let interests = try await NeedInterest.query(on: app.db).count()
            XCTAssertEqual(interests, 0)
        }
    }

    func testTheAPIRunsDecidesAndExplains() async throws {
        try await withTestApp { app in
            let (need, elena, _) = try await matchingProgramme(on: app)
            let staff = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let ranking = try await staff.send(.GET, "/api/v1/needs/\(need.id!.uuidString)/candidates?top=5")
            XCTAssertEqual(ranking.status, .ok)
            XCTAssertEqual(try ranking.content.decode(APIMatchingController.RankingDTO.self).candidates.first?.expertProfileID, elena.id)

            let started = try await staff.send(.POST, "/api/v1/matching/runs")
            XCTAssertEqual(started.status, .accepted)
            let runID = try started.content.decode(APIMatchingController.RunDTO.self).id
            try await app.jobWorker.drain()
            let run = try await staff.send(.GET, "/api/v1/matching/runs/\(runID.uuidString)").content.decode(APIMatchingController.RunDTO.self)
            XCTAssertEqual(run.status, "completed")
            let proposal = try XCTUnwrap(run.proposals?.first)
            XCTAssertEqual(proposal.expertProfileID, elena.id)

            let missingReason = try await staff.send(.POST, "/api/v1/matching/proposals/\(proposal.id.uuidString)/decision",
                                                     json: #"{"decision":"override"}"#)
            XCTAssertEqual(missingReason.status, .unprocessableEntity)
            let decided = try await staff.send(.POST, "/api/v1/matching/proposals/\(proposal.id.uuidString)/decision", json: #"{"decision":"confirm"}"#)
            XCTAssertEqual(decided.status, .ok)
            let match = try XCTUnwrap(try decided.content.decode(APIMatchingController.DecisionDTO.self).match)
            XCTAssertEqual(match.explanation?.requiredCovered, ["ocds": 3])

            let expert = try await APIClient.forUser(try await user("experta@demo.integrity.invalid", on: app), app: app)
            let mine = try await expert.send(.GET, "/api/v1/matches").content.decode([APIMatchingController.MatchDTO].self)
            XCTAssertEqual(mine.map(\.id), [match.id])
            let other = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let hidden = try await other.send(.GET, "/api/v1/matches/\(match.id.uuidString)")
            XCTAssertEqual(hidden.status, .notFound)
            let board = try await other.send(.GET, "/api/v1/matching/runs")
            XCTAssertEqual(board.status, .forbidden)

            let settings = try await staff.send(.PUT, "/api/v1/matching/settings",
                                                json: #"{"weights":{"skills":1},"penalty":0.1,"alternates":2}"#)
            XCTAssertEqual(settings.status, .unprocessableEntity, "a reason is required")
        }
    }
}
