@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The programme dashboard, the printable summary, the success indicators and the questionnaire builder, built from
/// plain values without the app: empty, typical and error states.
final class ProgrammePagesTests: XCTestCase {
    let text = PageFixtures.text

    func report(exchanges: [ProgrammeYearKPI.Exchange] = [], byStage: [EngagementStage: Int] = [:]) -> ProgrammeReportService.Report {
        ProgrammeReportService.Report(
            needsMet: NeedsMetKPI.compute([]), knowledge: KnowledgeKPI.compute([], knowledgeItems: []),
            years: ProgrammeYearKPI.compute(exchanges, responses: []), needsMetByYear: [:], knowledgeByYear: [:], byStage: byStage,
            byArea: [:], byRegion: [:], needToMatchDays: [3, 40], responses: [], questions: [:])
    }

    func testAnEmptyDashboardSaysSoInEveryKPIAndStillDrawsItsCharts() {
        let page = ProgrammeDashboardPage(report: report(), threshold: 4, canEdit: false, text: text(.en))
        XCTAssertEqual(page.needsMet, "0 of 0 evaluated exchanges (—)")
        XCTAssertEqual(page.knowledge.mean, "—")
        XCTAssertEqual(page.knowledge.label, "All knowledge items")
        XCTAssertEqual(page.years, [])
        XCTAssertEqual(page.charts.count, 7)
        XCTAssertTrue(page.charts.allSatisfy { $0.svg.hasPrefix("<svg") })
        XCTAssertEqual(page.charts.first?.title, "KPI 1 by programme year", "each chart's title is shown, not only inside the drawing")
        XCTAssertTrue(page.charts[0].svg.contains(">No data yet.</text>"), "an empty chart says so instead of leaving a gap")
    }

    func testADashboardCountsOutputsAndClosuresByYear() {
        let exchanges = [ProgrammeYearKPI.Exchange(id: PageFixtures.id, startYear: 2027, outputsPlanned: 4, outputsDone: 3, closedSuccessfully: true)]
        let page = ProgrammeDashboardPage(report: report(exchanges: exchanges, byStage: [.active: 2]), threshold: 4, canEdit: true, text: text(.fr))
        XCTAssertEqual(page.years.map(\.year), [2027])
        XCTAssertEqual(page.years.first?.outputs, "3 sur 4")
        XCTAssertTrue(page.canEdit)
        XCTAssertTrue(page.charts[3].svg.contains("En cours"), "the stages chart names each stage in the reader's language")
        XCTAssertEqual(ProgrammeFigures.mean(4.5, text(.fr)), "4,50", "satisfaction is a level on 1–5, not a change: no sign")
        XCTAssertEqual(ProgrammeFigures.mean(nil, text(.fr)), "—")
    }

    func testThePrintedSummaryShowsNoShareWithoutEvaluations() {
        let summary = ProgrammeSummaryController.Summary(
            generatedAt: PageFixtures.day, stages: [], needsMet: 0, needsEvaluated: 0, needsMetThreshold: 4, knowledgeGain: nil, knowledgePairs: 0,
            knowledgeLow: nil, knowledgeHigh: nil, years: [], indicators: [], published: [])
        let empty = ProgrammeSummaryPrintPage(summary: summary, stylesheet: "print.css", text: text(.es))
        XCTAssertEqual(empty.content.needsMetShare, "—")
        XCTAssertEqual(empty.content.interval, "—")
        XCTAssertEqual(empty.page.lang, "es")
        let evaluated = ProgrammeSummaryController.Summary(
            generatedAt: PageFixtures.day, stages: [], needsMet: 1, needsEvaluated: 3, needsMetThreshold: 4, knowledgeGain: 0.5, knowledgePairs: 3,
            knowledgeLow: 0.1, knowledgeHigh: 0.9, years: [], indicators: [], published: [])
        let page = ProgrammeSummaryPrintPage(summary: evaluated, stylesheet: "print.css", text: text(.en))
        XCTAssertEqual(page.content.needsMetShare, "33%")
        XCTAssertEqual(page.content.knowledge, "+0.50")
        XCTAssertTrue(page.content.interval.contains("+0.10") && page.content.interval.contains("+0.90"))
        let french = ProgrammeSummaryPrintPage(summary: evaluated, stylesheet: "print.css", text: text(.fr))
        let spaced = { (figure: String) in figure.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ") }
        XCTAssertEqual(spaced(french.content.needsMetShare), "33 %", "numbers follow the reader's locale")
        XCTAssertEqual(french.content.knowledge, "+0,50")
    }

    func testEachIndicatorListsItsEvidenceAndARefusedAdditionNamesItsErrors() {
        let recorder = User()
        recorder.displayName = "Cora"
        let record = SuccessEvidenceRecord()
        (record.indicator, record.statement, record.storedLinks, record.recordedAt) = (.collaboration, "Two bodies now share data", JSONList([]), PageFixtures.day)
        record.$recorder.value = recorder
        let empty = IndicatorsPage(records: [], canAdd: false, values: [:], errors: [], text: text(.en))
        XCTAssertEqual(empty.indicators.count, SuccessIndicator.allCases.count)
        XCTAssertTrue(empty.indicators.allSatisfy(\.evidence.isEmpty))
        let page = IndicatorsPage(records: [record], canAdd: true, values: ["indicator": "collaboration"], errors: [FieldError("statement", .required)],
                                  text: text(.en))
        XCTAssertEqual(page.indicators.flatMap(\.evidence).map(\.by), ["Cora"])
        XCTAssertEqual(page.options.filter(\.selected).map(\.value), ["collaboration"])
        XCTAssertTrue(page.form.hasErrors)
    }

    func testTheBuilderShowsFixedQuestionsAndOnlyTheProgrammesOwnAreRemovable() throws {
        let fixed = QuestionnaireBuilderPage(extras: [:], values: ["required": "on"], errors: [], text: text(.en))
        XCTAssertEqual(fixed.stages.count, EvaluationStage.allCases.count)
        XCTAssertTrue(fixed.stages.flatMap(\.questions).allSatisfy { $0.removeAction == nil })
        XCTAssertEqual(fixed.audienceOptions.filter(\.selected).map(\.value), ["both"])
        let added = try XCTUnwrap(QuestionDraft(kind: "text", required: false, audience: "both", promptEN: "Anything else?", promptFR: "Autre chose ?",
                                                promptES: "¿Algo más?", choices: nil).validate(id: "custom_1").0)
        let page = QuestionnaireBuilderPage(extras: [.post: [added]], values: [:], errors: [FieldError("stage", .invalidChoice)], text: text(.fr))
        XCTAssertEqual(page.stages.last?.questions.last?.prompt, "Autre chose ?")
        XCTAssertEqual(page.stages.last?.questions.last?.removeAction, "/programme/questionnaires/post/custom_1/remove")
        XCTAssertTrue(page.form.hasErrors)
    }
}
