@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The coordinators' steps on pages (screening decisions, batch runs, extending and cancelling a match), each sent
/// 8 times at once: decided once, recorded once, no server error. Decisions are sent without the page's one-time
/// token, so only the decision's own re-read inside its transaction guards them.
final class ProgrammeStepsConcurrencyTests: AppTestCase {
    func testScreeningDecisionsOnThePagesAreMadeOnce() async throws {
        try await withTestApp { app in
            let member = try await APIClient.forUser(try await user(Demo.publicES, on: app), app: app)
            let need = try await member.send(.POST, "/api/v1/needs", json: json(completeNeed(dataAccess: "real"))).content.decode(NeedDTO.self).id
            _ = try await member.send(.POST, "/api/v1/needs/\(need.uuidString)/submit")
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.get("/")
            let page = coordinator
            let decision = ["decision": "eligible", "reason": "Real data stays on the body's premises."]
            let needs = try await eightTimes("need.decide", on: app) { var tab = page; return try await tab.post("/needs/\(need.uuidString)/decision", form: decision) }
            XCTAssertEqual(needs, 1)

            let profile = try await storedProfile("Sam Screened", status: .screened, on: app)
            let experts = try await eightTimes("expert.decide", on: app) {
                var tab = page
                return try await tab.post("/experts/\(profile.id!.uuidString)/decision", form: decision)
            }
            XCTAssertEqual(experts, 1)
        }
    }

    func testABatchRunAndAMatchsExtensionAndCancellationHappenOnce() async throws {
        try await withTestApp { app in
            _ = try await matchingProgramme(on: app)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.get("/matching")
            let page = coordinator
            let runs = try await eightTimes("matching.run_start", on: app) { var tab = page; return try await tab.post("/matching/runs") }
            XCTAssertEqual(runs, 1, "one batch at a time, however many clicks")
            try await app.jobWorker.drain()
            let api = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let apiRuns = try await eightTimes("matching.run_start", on: app) { try await api.send(.POST, "/api/v1/matching/runs") }
            XCTAssertEqual(apiRuns, 1)
        }
    }

    func testExtendingAndCancellingARunningMatchHappenOnce() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ix-steps-\(UUID().uuidString)").path
        try await withTestApp(adjust: { $0.dataDirectory = data }) { app in
            let match = try await startedMatch(app)
            let base = MatchRoute.show.link(match.id!)
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            try await coordinator.get(base)
            let page = coordinator
            let extended = try await eightTimes("engagement.extend", on: app) {
                var tab = page
                return try await tab.post(base + "/extend", form: ["months": "1", "reason": "Data arrived late."], once: true)
            }
            XCTAssertEqual(extended, 1)
            let cancelled = try await eightTimes("engagement.cancel", on: app) {
                var tab = page
                return try await tab.post(base + "/cancel", form: ["reason": "The body withdrew."])
            }
            XCTAssertEqual(cancelled, 1, "without a one-time token: decided on the stored stage")
            let stage = try await Engagement.find(match.id, on: app.db)?.stage
            XCTAssertEqual(stage, .cancelled)
        }
    }
}
