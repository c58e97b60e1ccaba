@testable import App
import ExchangeCore
import Foundation
import RedFlags
import XCTest

/// The red-flag pages and the conflict-data page, built from plain values without the app: empty, typical and error
/// states.
final class AnalyticsPagesTests: XCTestCase {
    let text = PageFixtures.text

    func run(_ status: RedFlagRun.Status) -> RedFlagRun {
        let run = RedFlagRun()
        (run.id, run.status, run.fileName, run.settings, run.processes, run.startedAt) = (PageFixtures.id, status, "tenders.jsonl", "", 12, PageFixtures.day)
        run.uploadSummary = RedFlagUploadSummary(forms: ["compiled release"], mergedReleases: 0, readAsLatin1: false, problems: [], problemCount: 0)
        return run
    }

    func testTheIndexSaysARunWithoutAJobWasCutShortAndShowsARefusal() throws {
        let empty = try RedFlagIndexPage(runs: [], progress: [:], error: nil, problems: [], settings: "", maxUpload: 2 << 30, text: text(.en))
        XCTAssertEqual(empty.fileHint, "JSON or JSON Lines, gzipped or not, up to 2.15 GB.")
        XCTAssertEqual(empty.runs, [])
        XCTAssertFalse(empty.template.isEmpty)
        let page = try RedFlagIndexPage(runs: [run(.running)], progress: [:], error: "Too big", problems: ["Line 3: bad"], settings: "[R003]",
                                        maxUpload: 1 << 20, text: text(.fr))
        XCTAssertEqual(page.runs.map(\.status), ["Échoué"])
        XCTAssertEqual(page.error, "Too big")
        XCTAssertEqual(page.settings, "[R003]")
    }

    func testARunShowsItsProgressUntilItHasResults() throws {
        let queued = try RedFlagRunPage(run: run(.running), progress: .init(phase: nil, done: 0, total: 0), results: nil, text: text(.fr))
        XCTAssertTrue(queued.running)
        XCTAssertFalse(queued.showResults)
        XCTAssertEqual(queued.message, "En attente d’un processus de traitement pour lancer l’analyse.")
        XCTAssertEqual(queued.forms, PageFixtures.catalogs.text("redflags.form.compiled_release", .fr))
        let failed = run(.failed)
        failed.failure = "redflags.failure.internal"
        let page = try RedFlagRunPage(run: failed, progress: nil, results: nil, text: text(.en))
        XCTAssertTrue(page.failed)
        XCTAssertEqual(page.message, PageFixtures.catalogs.text("redflags.failure.internal", .en))
        XCTAssertEqual(page.counts, [])
        XCTAssertEqual(page.chartHeight, 28)
    }

    func testTheMethodologyListsEveryIndicatorAndAnUnknownOneIsNotFound() throws {
        let page = RedFlagMethodologyPage(text: text(.es))
        XCTAssertEqual(page.indicators.count, IndicatorRun.all.count)
        XCTAssertTrue(page.indicators.allSatisfy { !$0.name.hasPrefix("redflags.") })
        let first = try XCTUnwrap(IndicatorRun.all.first)
        XCTAssertEqual(RedFlagIndicatorPage(first.code, text: text(.en))?.settings.count, first.settingExamples.count)
        XCTAssertNil(RedFlagIndicatorPage("R999", text: text(.en)))
        XCTAssertEqual(RedFlagProcessPage.settingsText("R999", Settings(), text(.en)), "")
    }

    func testConflictDataListsImportsAndNamesEachProblemByLine() {
        let empty = ConflictDataPage(imports: [], kind: nil, refusal: nil, text: text(.en))
        XCTAssertTrue(empty.imports.isEmpty && empty.problems.isEmpty)
        XCTAssertNil(empty.error)
        let record = DataImport(id: PageFixtures.id, kind: .bods, fileName: "owners.json", items: 3, rows: 9, importedBy: nil, now: PageFixtures.day)
        let refusal = ConflictDataPage.Refusal(error: "2 problems", problems: [DataFileProblem(line: 4, kind: .invalidJSON),
                                                                               DataFileProblem(line: 0, kind: .empty)], count: 2)
        let page = ConflictDataPage(imports: [record], kind: .ocds, refusal: refusal, text: text(.en))
        XCTAssertEqual(page.imports.map(\.fileName), ["owners.json"])
        XCTAssertEqual(page.problems.map(\.place), ["Line 4", PageFixtures.catalogs.text("conflict_data.place.file", .en)])
        XCTAssertEqual(page.problemCount, 2)
        XCTAssertEqual(page.kinds.filter(\.selected).map(\.value), ["ocds"])
    }
}
