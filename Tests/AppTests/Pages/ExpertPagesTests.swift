@testable import App
import ExchangeCore
import Foundation
import XCTest

/// An expert's profile, the roster upload and preview, the expert directory, a profile's review and a body's
/// participation, built from plain values without the app: empty, typical and error states.
final class ExpertPagesTests: XCTestCase {
    let text = PageFixtures.text
    let taxonomy = PageFixtures.taxonomy

    func profile(_ status: ParticipationStatus = .draft) -> ExpertProfile {
        let p = ExpertProfile(id: PageFixtures.id, userID: PageFixtures.otherID, name: "Ada Lovelace", email: "ada@example.org",
                              organisation: "Engines", now: PageFixtures.day)
        p.status = status
        return p
    }

    func screened(_ p: ExpertProfile) -> ExpertProfile {
        p.country = "FR"
        p.years = 7
        p.storedSkills = JSONList([.init(id: "ocds", level: 3)])
        p.storedLanguages = JSONList([.init(code: "es", level: .native)])
        p.storedScreening = JSONList([ScreeningResult(criterion: "experience", outcome: "pass", reason: "years_enough")])
        return p
    }

    // MARK: The profile

    func testANewProfileIsAnEditableEmptyForm() {
        let page = ProfilePage(profile: profile(), letter: nil, errors: [], taxonomy: taxonomy, text: text(.en))
        XCTAssertTrue(page.editable)
        XCTAssertEqual(page.status, "Draft")
        XCTAssertFalse(page.hasScreening)
        XCTAssertNil(page.letter)
        XCTAssertEqual(page.languageRows.count, ProfilePage.languageRows)
        XCTAssertTrue(page.languageRows.allSatisfy { $0.languages.first?.selected == true })
        XCTAssertEqual(page.form.values["capacity"], "1")
        XCTAssertEqual(page.skillGroups.count, taxonomy.groups.count)
    }

    func testAScreenedProfileShowsItsAnswersAndEachCriterionInTheReadersLanguage() {
        let page = ProfilePage(profile: screened(profile(.screened)), letter: nil, errors: [], taxonomy: taxonomy, text: text(.en))
        XCTAssertFalse(page.editable)
        XCTAssertEqual(page.countries.filter(\.selected).map(\.value), ["FR"])
        XCTAssertEqual(page.languageRows[0].languages.filter(\.selected).map(\.value), ["es"])
        XCTAssertEqual(page.languageRows[0].levels.filter(\.selected).map(\.value), ["3"])
        let ocds = page.skillGroups.flatMap(\.skills).first { $0.id == "ocds" }
        XCTAssertEqual(ocds?.levels.filter(\.selected).map(\.value), ["3"])
        XCTAssertEqual(page.screening.map(\.criterion), ["Experience"])
        XCTAssertEqual(page.screening.map(\.outcome), ["Met"])
    }

    func testARefusedSaveNamesEachErrorInTheReadersLanguage() {
        let page = ProfilePage(profile: profile(), letter: nil, errors: [FieldError("years", .invalidChoice)], taxonomy: taxonomy, text: text(.fr))
        XCTAssertTrue(page.form.hasErrors)
        XCTAssertNotNil(page.form.errors["years"])
    }

    // MARK: The roster

    func testTheUploadFormHasNoErrorUntilAFileIsRefused() {
        XCTAssertNil(RosterUploadPage(error: nil, text: text(.en)).error)
        let refused = RosterUploadPage(error: "roster.error.unreadable", problem: .unterminatedQuote(line: 4), text: text(.en))
        XCTAssertTrue(refused.error?.contains("4") ?? false, "an unterminated quote names its line")
    }

    func preview(_ csv: String) throws -> RosterImportService.Preview {
        let table = try DelimitedText.parse(csv)
        let mapping = RosterMapping.suggested(for: table.header)
        return RosterImportService.Preview(text: csv, table: table, mapping: mapping, plan: RosterImport.plan(table, mapping: mapping))
    }

    func testAPreviewPlansEachExpertAndNamesEachProblemByLine() throws {
        let page = RosterPreviewPage(try preview("name,organisation,country\nAda,Engines,France\n,Nobody,Spain\n"), blocked: true, text: text(.en))
        XCTAssertEqual(page.experts.map(\.name), ["Ada"])
        XCTAssertEqual(page.experts.map(\.country), ["France"])
        XCTAssertTrue(page.hasProblems)
        XCTAssertTrue(page.problems[0].contains("3"), "the problem names its line")
        XCTAssertTrue(page.blocked)
        let name = page.mapping.first { $0.field == "name" }
        XCTAssertEqual(name?.required, true)
        XCTAssertEqual(name?.options.filter(\.selected).map(\.label), ["name"])
    }

    func testMergedLinesAreNamedWithTheirPersonInEachLanguage() throws {
        let csv = "name,organisation,country\nAda,Engines,France\nManuel Garrido,Datos,Spain\nmanuel garrido,Datos,España\nBob,X,Peru\nManuel  Garrido,datos,Spain\n"
        let english = RosterPreviewPage(try preview(csv), blocked: false, text: text(.en))
        XCTAssertEqual(english.merges, ["Lines 3, 4 and 6 (Manuel Garrido) are one person: merged."])
        XCTAssertEqual(english.summary, "5 rows: 3 experts to import, 2 lines merged into another person, 0 rows flagged.")
        XCTAssertEqual(RosterPreviewPage(try preview(csv), blocked: false, text: text(.fr)).merges,
                       ["Les lignes 3, 4 et 6 (Manuel Garrido) sont une seule personne : fusionnées."])
        XCTAssertEqual(RosterPreviewPage(try preview(csv), blocked: false, text: text(.es)).merges,
                       ["Las líneas 3, 4 y 6 (Manuel Garrido) son una sola persona: fusionadas."])
        let pair = RosterPreviewPage(try preview("name,organisation,country\nAda,Engines,France\nada,engines,France\n"), blocked: false, text: text(.en))
        XCTAssertEqual(pair.merges, ["Lines 2 and 3 (Ada) are one person: merged."])
        XCTAssertEqual(pair.summary, "2 rows: 1 expert to import, 1 line merged into another person, 0 rows flagged.")
        XCTAssertFalse(RosterPreviewPage(try preview("name,organisation,country\nAda,Engines,France\n"), blocked: false, text: text(.en)).hasMerges)
    }

    func testCountsFollowEachLanguagesPluralRules() throws {
        let single = try preview("name,organisation,country\nAda,Engines,France\n")
        XCTAssertEqual(RosterPreviewPage(single, blocked: false, text: text(.en)).summary,
                       "1 row: 1 expert to import, 0 lines merged into another person, 0 rows flagged.")
        XCTAssertEqual(RosterPreviewPage(single, blocked: false, text: text(.fr)).summary,
                       "1 ligne : 1 expert·e à importer, 0 ligne fusionnée avec une autre personne, 0 ligne signalée.", "French: 0 is singular")
        XCTAssertEqual(RosterPreviewPage(single, blocked: false, text: text(.es)).summary,
                       "1 fila: 1 experto por importar, 0 líneas fusionadas con otra persona, 0 filas marcadas.")
        XCTAssertEqual([0, 1, 2, 1_000].map { PluralCategory($0, in: .fr) }, [.one, .one, .other, .other])
        XCTAssertEqual([0, 1, 2].map { PluralCategory($0, in: .en) }, [.other, .one, .other])
        XCTAssertEqual([0, 1, 2].map { PluralCategory($0, in: .es) }, [.other, .one, .other])
        XCTAssertEqual(text(.fr).plural(1_234, one: "roster.summary.rows.one", other: "roster.summary.rows.other"), text(.fr).number(1_234) + " lignes",
                       "the count is written as the reader writes numbers")
    }

    func testAFileWithOnlyAHeaderPlansNothing() throws {
        let page = RosterPreviewPage(try preview("name,organisation,country\n"), blocked: false, text: text(.en))
        XCTAssertFalse(page.hasExperts)
        XCTAssertFalse(page.hasProblems)
        XCTAssertEqual(page.blockingCount, 0)
    }

    // MARK: The directory and a review

    func testTheDirectoryListsEachExpertWithItsHistory() throws {
        XCTAssertFalse(try ExpertsPage(profiles: [], search: ListSearch(), text: text(.en)).hasExperts)
        let page = try ExpertsPage(profiles: [screened(profile(.eligible))], search: ListSearch(text: "ada", status: nil), text: text(.es))
        XCTAssertEqual(page.experts.map(\.country), ["Francia"])
        XCTAssertEqual(page.experts.first?.historyHref, "/audit?subjectType=expert_profile&subjectID=6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertEqual(page.query, "ada")
    }

    func testAReviewOffersTheDecisionOnlyOnceScreened() throws {
        let open = try ExpertReviewPage(profile: screened(profile(.screened)), letter: nil, errors: [], taxonomy: taxonomy, text: text(.en))
        XCTAssertTrue(open.canDecide)
        XCTAssertTrue(open.hasScreening)
        XCTAssertFalse(open.facts.isEmpty)
        let draft = try ExpertReviewPage(profile: profile(.draft), letter: nil, errors: [FieldError("reason", .required)], taxonomy: taxonomy,
                                           text: text(.en))
        XCTAssertFalse(draft.canDecide, "a draft is not the coordinator's to decide")
        XCTAssertFalse(draft.hasScreening)
        XCTAssertTrue(draft.form.hasErrors)
    }

    // MARK: A body's participation

    func testABodysParticipationOffersSubmissionToMembersAndTheDecisionToStaff() throws {
        let body = Organisation()
        (body.id, body.name, body.participationStatus, body.proBono) = (PageFixtures.id, "Tribunal", .screened, true)
        let member = try ParticipationPage(organisation: body, mayUpdate: true, managesProgramme: false, errors: [], text: text(.en))
        XCTAssertTrue(member.canSubmit)
        XCTAssertFalse(member.canDecide)
        XCTAssertEqual(member.attestations.filter(\.selected).map(\.value), ["proBono"])
        let staff = try ParticipationPage(organisation: body, mayUpdate: false, managesProgramme: true, errors: [FieldError("reason", .required)],
                                          text: text(.en))
        XCTAssertTrue(staff.canDecide)
        XCTAssertTrue(staff.form.hasErrors)
        body.participationStatus = nil
        XCTAssertEqual(try ParticipationPage(organisation: body, mayUpdate: false, managesProgramme: true, errors: [], text: text(.en)).status, "Draft")
    }
}
