@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The needs pages' models, built from plain values in each language, without the app or a database: the empty,
/// typical and error state of each.
final class NeedPagesTests: XCTestCase {
    static let taxonomy = PageFixtures.taxonomy
    let id = PageFixtures.id
    func text(_ language: SupportedLanguage) -> PageText { PageFixtures.text(language) }

    var details: NeedDetails {
        NeedDetails(title: "Red flags on our tenders", problemStatement: "We publish OCDS but cannot analyse it.",
                    whyPrivateSector: "Industry builds such pipelines daily.",
                    scope: NeedScope(supportAreas: [.dataSoftware], issueAreas: [.moneyFlows], requiredSkills: ["ocds"], languages: ["es"]),
                    preferredStart: Date(timeIntervalSince1970: 1_801_008_000), durationMonths: 4, expectedOutputs: "A notebook.",
                    dataAccess: .none, dataRules: "", sector: nil)
    }

    // MARK: The list

    func testAnEmptyListSaysSoAndOffersNoPages() {
        let page = NeedListPage(rows: [], total: 0, page: 1, search: ListSearch(), canCreate: false, text: text(.en))
        XCTAssertFalse(page.hasItems)
        XCTAssertFalse(page.canCreate)
        XCTAssertEqual(page.pager.totalText, "0")
        XCTAssertNil(page.pager.nextHref)
        XCTAssertEqual(page.statuses.filter(\.selected), [])
    }

    func testAListNamesEachNeedInTheReadersLanguageAndPagesOnWithItsSearch() {
        let rows = [NeedList.Row(id: id, title: "Red flags", status: .draft, organisation: "Tribunal de Cuentas")]
        let search = ListSearch(text: "  flags ", status: .draft)
        let page = NeedListPage(rows: rows, total: 1_234, page: 2, search: search, canCreate: true, text: text(.fr))
        XCTAssertEqual(page.items, [.init(title: "Red flags", href: "/needs/6f9619ff-8b86-d011-b42d-00cf4fc964ff",
                                          organisation: "Tribunal de Cuentas", status: "Brouillon")])
        XCTAssertEqual(page.query, "flags")
        XCTAssertEqual(page.statuses.filter(\.selected).map(\.value), ["draft"])
        XCTAssertEqual(page.pager.totalText, "1\u{202F}234", "French groups thousands with a narrow space")
        XCTAssertEqual(page.pager.previousHref, "/needs?q=flags&status=draft&page=1")
        XCTAssertEqual(page.pager.nextHref, "/needs?q=flags&status=draft&page=3")
    }

    // MARK: One need

    func testANeedReadsInTheReadersLanguageAndOffersOnlyWhatTheReaderMayDo() {
        let page = NeedPage(id: id, details: details, organisation: "Tribunal de Cuentas", status: .eligible,
                            readiness: ReadinessAssessment(ratings: [:]), may: .init(), taxonomy: Self.taxonomy, text: text(.es))
        XCTAssertEqual(page.status, "Elegible")
        XCTAssertEqual(page.supportAreas, ["Software para limpiar, organizar y analizar datos"])
        XCTAssertEqual(page.duration, "4 meses")
        XCTAssertEqual(page.dataAccess, "Ninguno")
        XCTAssertEqual(page.sector, "—")
        XCTAssertEqual(page.requiredSkills, [Self.taxonomy.skill("ocds")!.labels[.es]])
        XCTAssertFalse(page.canEdit || page.canDecide)
        XCTAssertNil(page.candidatesHref)
        XCTAssertNil(page.historyHref)
        XCTAssertTrue(page.chart.hasPrefix("<svg"))
    }

    func testStaffSeeCandidatesAndTheNeedsHistory() {
        let page = NeedPage(id: id, details: details, organisation: "Tribunal", status: .screened, readiness: ReadinessAssessment(ratings: [:]),
                            may: .init(edit: false, decide: true, seeCandidates: true, seeHistory: true), taxonomy: Self.taxonomy, text: text(.en))
        XCTAssertTrue(page.canDecide)
        XCTAssertEqual(page.candidatesHref, "/needs/6f9619ff-8b86-d011-b42d-00cf4fc964ff/candidates")
        XCTAssertEqual(page.historyHref, "/audit?subjectType=need&subjectID=6f9619ff-8b86-d011-b42d-00cf4fc964ff")
    }

    // MARK: The form

    func testANewNeedsFormStartsEmptyAndLetsStaffChooseTheBody() {
        let body = UUID()
        let page = NeedFormPage(need: nil, draft: NeedDraft(), readiness: ReadinessAssessment(ratings: [:]), errors: [],
                                bodies: .init(bodies: [(body, "Tribunal de Cuentas")], selected: nil), taxonomy: Self.taxonomy, text: text(.en))
        XCTAssertEqual(page.titleKey, "need.new_title")
        XCTAssertEqual(page.action, "/needs")
        XCTAssertTrue(page.chooseOrganisation)
        XCTAssertEqual(page.organisations.map(\.label), ["Tribunal de Cuentas"])
        XCTAssertFalse(page.form.hasErrors)
        XCTAssertEqual(page.durations.filter(\.selected).map(\.value), [String(NeedDraft.defaultDuration)])
        XCTAssertEqual(page.readiness.count, ReadinessArea.allCases.count)
    }

    func testAFormSentBackKeepsWhatWasSentAndNamesEachErrorInTheReadersLanguage() {
        var draft = details.draft
        draft.title = ""
        let page = NeedFormPage(need: id, draft: draft, readiness: ReadinessAssessment(ratings: [.coordination: .init(score: 2, note: "ok")]),
                                errors: [FieldError("title", .required)], bodies: nil, taxonomy: Self.taxonomy, text: text(.es))
        XCTAssertEqual(page.titleKey, "need.edit_title")
        XCTAssertEqual(page.action, "/needs/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertFalse(page.chooseOrganisation)
        XCTAssertTrue(page.form.hasErrors)
        XCTAssertEqual(page.form.errors["title"], "Este campo es obligatorio.")
        XCTAssertEqual(page.form.values["problemStatement"], "We publish OCDS but cannot analyse it.")
        XCTAssertEqual(page.supportAreas.filter(\.selected).map(\.value), ["3"])
        let coordination = page.readiness.first { $0.area == "coordination" }
        XCTAssertEqual(coordination?.options.filter(\.selected).map(\.value), ["2"])
        XCTAssertEqual(coordination?.note, "ok")
    }
}
