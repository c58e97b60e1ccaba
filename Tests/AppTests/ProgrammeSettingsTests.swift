@testable import App
import ExchangeCore
import Fluent
import Foundation
import XCTVapor
import XCTest

/// What the programme measures, as staff shape it: extra questions reach questionnaires sent afterwards only, success
/// indicators gather evidence, and the summary report reads it all.
final class ProgrammeSettingsTests: AppTestCase {
    func testAddedQuestionsReachLaterQuestionnairesOnly() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let page = try await coordinator.get(ProgrammeSettingsRoute.questionnaires.link())
            XCTAssertEqual(page.status, .ok)
            let bad = try await coordinator.post(ProgrammeSettingsRoute.questionnaires.link(), form: [
                "stage": "post", "kind": "single", "audience": "both", "required": "on", "prompt_en": "Which tool helped most?", "choices": "sql|SQL",
            ])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertContains(bad.body.string, "choices-error")
            let added = try await coordinator.post(ProgrammeSettingsRoute.questionnaires.link(), form: [
                "stage": "post", "kind": "single", "audience": "both", "required": "on", "prompt_en": "Which tool helped most?",
                "prompt_fr": "Quel outil a le plus aidé ?", "choices": "sql|SQL|SQL|SQL\nr|R",
            ])
            XCTAssertEqual(added.status, .seeOther)
            var expert = BrowserSession(app: app)
            try await expert.login(DueDiligenceTests.elenaEmail)
            let forbidden = try await expert.get(ProgrammeSettingsRoute.questionnaires.link()).status
            XCTAssertEqual(forbidden, .forbidden)

            let match = try await startedMatch(app)
            let pre = try await XCTUnwrapAsync(try await EvaluationRound.query(on: app.db).filter(\.$stage == .pre).first())
            XCTAssertFalse(pre.questionnaire.questions.contains { $0.id == "custom_1" }, "the baseline was sent before")
            let coordinatorAPI = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            _ = try await coordinatorAPI.send(.POST, "/api/v1/matches/\(match.id!.uuidString.lowercased())/closing")
            let post = try await XCTUnwrapAsync(try await EvaluationRound.query(on: app.db).filter(\.$stage == .post).first())
            XCTAssertEqual(post.questionnaire.questions.last?.id, "custom_1")
            XCTAssertEqual(post.questionnaire.questions.last?.prompt[.fr], "Quel outil a le plus aidé ?")

            let removed = try await coordinator.post(ProgrammeSettingsRoute.removeQuestion.link(EvaluationStage.post, "custom_1"))
            XCTAssertEqual(removed.status, .seeOther)
            let extras = try await QuestionnaireExtras.query(on: app.db).first()?.questions ?? []
            XCTAssertTrue(extras.isEmpty)
        }
    }

    func testIndicatorEvidenceAndTheSummaryReport() async throws {
        try await withTestApp { app in
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let refused = try await coordinator.post(ProgrammeSettingsRoute.indicators.link(), form: ["indicator": "upskilling", "statement": "", "links": ""])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let added = try await coordinator.post(ProgrammeSettingsRoute.indicators.link(), form: [
                "indicator": "upskilling", "statement": "Twelve analysts of the court now run the risk pipeline.", "links": "https://example.org/training",
            ])
            XCTAssertEqual(added.status, .seeOther)
            var analyst = BrowserSession(app: app)
            try await analyst.login(Demo.analyst)
            let read = try await analyst.get(ProgrammeSettingsRoute.indicators.link()).body.string
            XCTAssertContains(read, "Twelve analysts of the court")
            let cannotAdd = try await analyst.post(ProgrammeSettingsRoute.indicators.link(), form: ["indicator": "upskilling", "statement": "x"])
            XCTAssertEqual(cannotAdd.status, .forbidden)

            let json = try await analyst.get(ProgrammeSummaryRoute.json.link())
            let summary = try json.content.decode(ProgrammeSummaryController.Summary.self)
            XCTAssertEqual(summary.indicators.first { $0.indicator == "upskilling" }?.evidence, 1)
            let html = try await analyst.get(ProgrammeSummaryRoute.html.link()).body.string
            XCTAssertContains(html, "Twelve analysts of the court")
            let pdf = try await analyst.get(ProgrammeSummaryRoute.pdf.link())
            if (try? PDFPrinter(configured: nil)) != nil {
                XCTAssertEqual(Array(pdf.body.readableBytesView.prefix(5)), Array("%PDF-".utf8))
            } else {
                XCTAssertEqual(pdf.status, .serviceUnavailable)
            }
        }
    }
}
