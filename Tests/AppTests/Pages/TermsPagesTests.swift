@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The Terms of Reference pages, built from plain values without the app: no version yet, a version being signed,
/// a refused save, a version's changes, and the printable document.
final class TermsPagesTests: XCTestCase {
    let text = PageFixtures.text

    static func draft() -> TermsOfReferenceDraft {
        var d = TermsOfReferenceDraft()
        d.start = "2027-02-01"
        d.months = "3"
        d.people = [.init(name: "Pablo", side: "public_body", responsibilities: "Owns the data"),
                    .init(name: "Elena", side: "expert", responsibilities: "Builds the pipeline"),
                    .init(name: "Cora", side: "programme_office", responsibilities: "Keeps it on track")]
        (d.meetingCadence, d.decisionMaking, d.escalation) = ("Every two weeks", "By consensus", "To the programme office")
        d.goals = [.init(text: "Flag risky tenders", supportArea: "3")]
        d.deliverables = [.init(goal: "1", title: "Indicator pipeline", due: "2027-03-15")]
        d.milestones = [.init(title: "Data received", due: "2027-02-15")]
        d.successStatement = "We will know we are successful when we have flagged tenders every month."
        (d.communicationWhat, d.communicationChannels, d.communicationConsent) = ("Lessons", "The website", "Both parties")
        d.dataAccess = "synthetic"
        return d
    }

    func edition(_ number: Int, signedBy sides: [TermsSide] = [], months: String = "3") throws -> TermsEdition {
        var draft = Self.draft()
        draft.months = months
        let terms = try draft.validate(TermsContext(supportAreas: [3])).get()
        return TermsEdition(number: number, createdAt: PageFixtures.day, terms: terms,
                            signatures: sides.map { .init(side: $0, signer: "Signer", signedAt: PageFixtures.day) })
    }

    func page(_ versions: [TermsEdition], side: TermsSide?, mayEdit: Bool, stage: EngagementStage = .torDrafting,
              form: FormState = FormState(), language: SupportedLanguage = .en) -> TermsPage {
        TermsPage(match: PageFixtures.match, stage: stage, versions: versions, side: side, mayEdit: mayEdit, draft: Self.draft(),
                  supportAreas: [3], form: form, text: text(language))
    }

    func testWithNoVersionYetStaffGetTheBuilderButNothingToSignOrExport() {
        let page = page([], side: .programmeOffice, mayEdit: true)
        XCTAssertNil(page.current)
        XCTAssertNil(page.signAction)
        XCTAssertEqual(page.exports, [])
        XCTAssertEqual(page.editAction, PageFixtures.matchPath + "/terms")
        XCTAssertEqual(page.builder?.people.count, 4, "one spare row after three people")
        XCTAssertEqual(page.builder?.goals.count, 2)
    }

    func testAPartyWhoHasNotSignedMaySignTheCurrentVersionInTheirLanguage() throws {
        let page = page([try edition(2, signedBy: [.expert]), try edition(1)], side: .publicBody, mayEdit: true, language: .fr)
        XCTAssertEqual(page.signAction, PageFixtures.matchPath + "/terms/sign")
        XCTAssertEqual(page.versions.map(\.number), [2, 1])
        XCTAssertEqual(page.versions.map(\.signatures), [1, 0])
        XCTAssertEqual(page.exports.map(\.label).last, "PDF")
        XCTAssertEqual(page.current?.signatures.compactMap(\.signer), ["Signer"])
        XCTAssertEqual(page.current?.people.map(\.side), ["Organisme public", "Expert·e", "Bureau du programme"])
        XCTAssertEqual(page.stage, "Termes de référence en rédaction")
    }

    func testAKeptDraftSaysWhoKeptItAndHowFarItIsFromAVersion() throws {
        let kept = TermsPage.Kept(by: "Pablo", at: PageFixtures.day)
        let form = FormState(values: [:], errors: [FieldError("success_statement", .successStatementOpening)], on: text(.es))
        let drafting = TermsPage(match: PageFixtures.match, stage: .torDrafting, versions: [try edition(1)], side: .publicBody, mayEdit: true,
                                 draft: Self.draft(), kept: kept, supportAreas: [3], form: form, text: text(.es))
        XCTAssertEqual(drafting.keptNotice, "Este es el borrador que Pablo guardó el \(text(.es).dateTime(PageFixtures.day)), aún no es una versión: 1 campos todavía incumplen las reglas.")
        let reader = TermsPage(match: PageFixtures.match, stage: .torDrafting, versions: [], side: nil, mayEdit: false, draft: Self.draft(),
                               kept: kept, supportAreas: [3], form: FormState(), text: text(.en))
        XCTAssertNil(reader.keptNotice, "only those who may edit see drafts")
        XCTAssertNil(page([try edition(1)], side: .expert, mayEdit: true).keptNotice, "no draft kept, no notice")
    }

    func testADraftTurnsIntoTheFieldsThatReadItBack() {
        let draft = Self.draft()
        XCTAssertEqual(TermsForm.draft(from: TermsForm.fields(of: draft)), draft)
        XCTAssertEqual(TermsForm.fields(of: draft)["goal_area_0"], "3")
    }

    func testASignedSideAndAReaderWhoMayNotEditGetNeitherSigningNorTheBuilder() throws {
        XCTAssertNil(page([try edition(1, signedBy: [.expert])], side: .expert, mayEdit: true).signAction)
        let reader = page([try edition(1)], side: nil, mayEdit: false)
        XCTAssertNil(reader.builder)
        XCTAssertNil(reader.editAction)
        XCTAssertNil(reader.signingAs)
    }

    func testARefusedSaveKeepsTheFieldsAndNamesTheirErrors() {
        let form = FormState(values: ["months": "9"], errors: [FieldError("months", .outOfRange), FieldError("people", .incomplete)], on: text(.es))
        let page = page([], side: .programmeOffice, mayEdit: true, form: form, language: .es)
        XCTAssertNotNil(page.builder?.months.error)
        XCTAssertNotNil(page.builder?.peopleError)
        XCTAssertTrue(page.form.hasErrors)
    }

    func testAVersionListsWhatChangedSinceTheOneBefore() throws {
        let first = TermsVersionPage(match: PageFixtures.match, version: try edition(1), previous: nil, text: text(.en))
        XCTAssertNil(first.previous)
        XCTAssertEqual(first.changes, [], "a first version has nothing to compare with")
        let second = TermsVersionPage(match: PageFixtures.match, version: try edition(2, months: "4"), previous: try edition(1), text: text(.en))
        XCTAssertEqual(second.previous, 1)
        XCTAssertEqual(second.changes.count, 1)
        XCTAssertEqual(second.changes.first?.before, "3")
        XCTAssertEqual(second.changes.first?.after, "4")
    }

    func testThePrintedDocumentIsTitledInTheReadersLanguage() throws {
        let page = TermsPrintPage(match: PageFixtures.match, version: try edition(1), stylesheet: "print.css", text: text(.es))
        XCTAssertEqual(page.page.lang, "es")
        XCTAssertTrue(page.page.title.contains("Red flags on our tenders"))
        XCTAssertEqual(page.content.text.needTitle, "Red flags on our tenders")
        XCTAssertFalse(page.content.text.signedByAll)
    }
}
