@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// Evaluations sent before the start, half-way and at closing; both sides' closing answers let the engagement
/// close; the KPIs, the dashboard and the export read them.
final class EvaluationTests: AppTestCase {
    func testEvaluationsFromBaselineToClosingFeedTheKPIs() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let id = match.id!
            let base = "/api/v1/matches/\(id.uuidString.lowercased())"
            let expert = try await APIClient.forUser(try await user(DueDiligenceTests.elenaEmail, on: app), app: app)
            var body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let pre = EvaluationRoute.form.link(id, EvaluationStage.pre)

            // The baseline went out at sign-off; the body answers in Spanish, forgetting a required question first.
            let form = try await body.get(pre)
            XCTAssertEqual(form.status, .ok)
            XCTAssertContains(form.body.string, "Conocimientos, capacidades y habilidades de su equipo")
            let incomplete = try await body.post(pre, form: ["knowledge_area_3": "2"])
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            XCTAssertContains(incomplete.body.string, "¿Qué espera de este intercambio?")
            let answered = try await body.post(pre, form: ["knowledge_area_3": "2", "expectations": "Saber priorizar licitaciones."])
            XCTAssertEqual(answered.status, .seeOther)
            let twice = try await body.post(pre, form: ["knowledge_area_3": "2", "expectations": "x"])
            try await body.assertRefused(twice)
            let expertPre = try await expert.send(.POST, "\(base)/evaluations/pre", json: #"{"answers": {"expectations": "A working pipeline"}}"#)
            XCTAssertEqual(expertPre.status, .created)

            // Half-way through the Terms (2027-02-01 to 2027-05-01), the reminder job sends the mid questionnaire.
            clock.advance(by: 140 * 86_400)
            _ = try await app.registry.reminders.run()
            let midOpen = try await EvaluationRound.query(on: app.db).filter(\.$stage == .mid).count()
            XCTAssertEqual(midOpen, 1)
            body = BrowserSession(app: app)
            try await body.login(Demo.publicES)
            let mid = try await body.post(EvaluationRoute.form.link(id, EvaluationStage.mid), form: ["progress": "4", "needs_met": "3"])
            XCTAssertEqual(mid.status, .seeOther)

            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let closing = try await coordinator.post(EngagementStepsRoute.beginClosing.link(id))
            XCTAssertEqual(closing.status, .seeOther)
            let early = try await coordinator.post(EngagementStepsRoute.close.link(id), form: ["overrideReason": ""])
            try await coordinator.assertRefused(early, "no closing before both sides' closing evaluations")
            let post = try await body.post(EvaluationRoute.form.link(id, EvaluationStage.post), form: [
                "knowledge_area_3": "4", "needs_met": "5", "satisfaction": "5", "recommend": "yes", "recommendations": "Empezar con datos sintéticos.",
            ])
            XCTAssertEqual(post.status, .seeOther)
            let expertPost = try await expert.send(.POST, "\(base)/evaluations/post",
                                                   json: #"{"answers": {"needs_met": 4, "satisfaction": 4, "recommend": "yes"}}"#)
            XCTAssertEqual(expertPost.status, .created)
            let complete = try await XCTUnwrapAsync(try await Engagement.find(id, on: app.db))
            XCTAssertEqual(complete.postEvaluationsComplete, true)
            let closed = try await coordinator.post(EngagementStepsRoute.close.link(id), form: ["overrideReason": ""])
            XCTAssertEqual(closed.status, .seeOther)
            let final = try await XCTUnwrapAsync(try await Engagement.find(id, on: app.db))
            XCTAssertEqual(final.stage, .closed)

            // KPI 1: the latest periodic evaluation by the body says 5 ≥ 4. KPI 2: one pair, 2 → 4.
            let analyst = try await APIClient.forUser(try await user(Demo.analyst, on: app), app: app)
            let kpis = try await analyst.send(.GET, "/api/v1/programme/kpis").content.decode(APIEvaluationController.KPIDTO.self)
            XCTAssertEqual([kpis.needsMet, kpis.needsEvaluated], [1, 1])
            XCTAssertEqual(kpis.knowledge.n, 1)
            XCTAssertEqual(kpis.knowledge.mean, 2)
            XCTAssertNil(kpis.knowledge.low, "one pair has no interval")
            XCTAssertEqual(kpis.years.map(\.year), [2027])
            XCTAssertEqual([kpis.years[0].closed, kpis.years[0].started, kpis.years[0].outputsPlanned], [1, 1, 2])
            XCTAssertEqual(kpis.years[0].satisfaction.mean, 4.5)

            var evaluator = BrowserSession(app: app)
            try await evaluator.login(Demo.evaluator)
            let dashboard = try await evaluator.get(ProgrammeRoute.dashboard.link())
            XCTAssertEqual(dashboard.status, .ok)
            XCTAssertContains(dashboard.body.string, "<svg")
            let csv = try await evaluator.get(ProgrammeRoute.responsesCSV.link()).body.string
            XCTAssertTrue(csv.hasPrefix("exchange,need,stage,party,respondent,submitted_at,question,kind,role,answer\r\n"))
            XCTAssertContains(csv, "knowledge_area_3,likert,knowledge,4")
            XCTAssertFalse(csv.contains("Pablo") || csv.contains("@demo"), "the export names no one")
            let dictionary = try await evaluator.get(ProgrammeRoute.dictionaryCSV.link()).body.string
            XCTAssertContains(dictionary, "needs_met,\"question (")
            let forbidden = try await expert.send(.GET, "/api/v1/programme/kpis").status
            XCTAssertEqual(forbidden, .forbidden)
        }
    }

    func testClosingWithoutEvaluationsNeedsAReasonAndExtensionsStopAtSixMonths() async throws {
        try await withTestApp { app in
            let match = try await startedMatch(app)
            let base = "/api/v1/matches/\(match.id!.uuidString.lowercased())"
            let coordinator = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let tooLong = try await coordinator.send(.POST, "\(base)/extend", json: #"{"months": 4, "reason": "More data"}"#)
            XCTAssertEqual(tooLong.status, .conflict)
            let noReason = try await coordinator.send(.POST, "\(base)/extend", json: #"{"months": 2}"#)
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let extended = try await coordinator.send(.POST, "\(base)/extend", json: #"{"months": 3, "reason": "The data arrived late."}"#)
            XCTAssertEqual(try extended.content.decode(APIEvaluationController.StageDTO.self).totalMonths, 6)
            let closing = try await coordinator.send(.POST, "\(base)/closing")
            XCTAssertEqual(try closing.content.decode(APIEvaluationController.StageDTO.self).stage, "closing")
            let refused = try await coordinator.send(.POST, "\(base)/close", json: "{}")
            XCTAssertEqual(refused.status, .conflict)
            let overridden = try await coordinator.send(.POST, "\(base)/close", json: #"{"overrideReason": "The expert left the company; the body confirmed the outputs."}"#)
            XCTAssertEqual(try overridden.content.decode(APIEvaluationController.StageDTO.self).stage, "closed")
            let body = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let stepByParty = try await body.send(.POST, "\(base)/closing")
            XCTAssertEqual(stepByParty.status, .forbidden)
        }
    }
}
