@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The due-diligence review, a checklist item's form and a party's declaration, built from plain values without the
/// app: empty, typical and error states.
final class DueDiligencePagesTests: XCTestCase {
    let text = PageFixtures.text
    let coordinator = UUID(uuidString: "11111111-1111-1111-1111-111111111111")!

    func waiter(requestedBy: UUID) -> DueDiligenceDecision {
        let decision = DueDiligenceDecision()
        decision.outcome = .mitigated
        decision.status = .awaitingApproval
        decision.text = "A past contract, long ended."
        decision.mitigation = "The expert steps back from that supplier."
        decision.requestedBy = requestedBy
        decision.requestedAt = PageFixtures.day
        return decision
    }

    func review(_ state: DueDiligenceStatus, checklist: DueDiligenceChecklist = .init(), declarations: [DeclaringParty: DueDiligenceReviewPage.Filed] = [:],
                signals: [ConflictSignal] = [], decisions: [DueDiligenceDecision] = [], errors: [FieldError] = [],
                language: SupportedLanguage = .en) -> DueDiligenceReviewPage {
        DueDiligenceReviewPage(match: PageFixtures.match, state: state, checklist: checklist, declarations: declarations, signals: signals,
                               decisions: decisions, reader: coordinator, alternates: [], lookbackYears: 3,
                               values: ["outcome": "rejected"], errors: errors, text: text(language))
    }

    // MARK: The review

    func testANewReviewListsEveryItemUncheckedAndNoDeclaration() {
        let page = review(.open)
        XCTAssertEqual(page.items.count, DueDiligenceItem.allCases.count)
        XCTAssertEqual(Set(page.items.map(\.status)), ["Not checked yet"])
        XCTAssertEqual(page.items[0].href, PageFixtures.matchPath + "/due-diligence/items/public_information")
        XCTAssertEqual(page.declarations.map(\.filedOn), [nil, nil])
        XCTAssertTrue(page.signals.isEmpty && page.decisions.isEmpty)
        XCTAssertNil(page.waiver)
        XCTAssertFalse(page.canApproveWaiver)
        XCTAssertEqual(page.outcomes.filter(\.selected).map(\.value), ["rejected"])
    }

    func testAReviewShowsDeclarationsSignalsAndAWaiterInTheReadersLanguage() {
        let declaration = ConflictDeclaration(answers: [.employment: .init(declared: true, details: "2019–2021")])
        let page = review(.open, checklist: .init([.references: .init(status: .concern, notes: "One", links: [])]),
                          declarations: [.expert: .init(declaration: declaration, on: PageFixtures.day)],
                          signals: [ConflictSignal(kind: .sameOrganisation, key: "k", evidence: ["Acme", "Tribunal"])],
                          decisions: [waiter(requestedBy: PageFixtures.otherID)], language: .es)
        XCTAssertEqual(page.items.first { $0.label == "Referencias" }?.status, "Preocupación")
        let expert = page.declarations.first { $0.filedOn != nil }
        XCTAssertEqual(expert?.answers.map(\.details), ["2019–2021"])
        XCTAssertTrue(expert?.answers[0].question.hasPrefix("En los últimos 3 años") ?? false)
        XCTAssertEqual(page.signals, ["Misma organización: el empleador del experto «Acme» es el organismo público «Tribunal»."])
        XCTAssertEqual(page.waiver?.status, "a la espera de un segundo coordinador")
        XCTAssertTrue(page.canApproveWaiver, "a second coordinator answers the waiver")
        XCTAssertTrue(page.decisions.isEmpty)
    }

    func testWhoeverAskedForTheWaiverMayNotApproveIt() {
        XCTAssertFalse(review(.open, decisions: [waiter(requestedBy: coordinator)]).canApproveWaiver)
    }

    func testAClosedReviewOffersNoItemFormsAndARefusedDecisionNamesItsError() {
        let page = review(.cleared, errors: [FieldError("text", .required)], language: .fr)
        XCTAssertFalse(page.isOpen)
        XCTAssertTrue(page.items.allSatisfy { $0.href == nil })
        XCTAssertEqual(page.form.errors["text"], "Ce champ est obligatoire.")
    }

    // MARK: A checklist item

    func testAnItemsFormKeepsWhatWasSentAndItsErrors() {
        let empty = ChecklistItemPage(match: PageFixtures.id, item: .references, status: nil, notes: "", links: "", errors: [], text: text(.en))
        XCTAssertEqual(empty.item, "References")
        XCTAssertEqual(empty.statuses.filter(\.selected), [])
        XCTAssertEqual(empty.action, PageFixtures.matchPath + "/due-diligence/items/references")
        let refused = ChecklistItemPage(match: PageFixtures.id, item: .references, status: "done", notes: "Called two",
                                        links: "not a link", errors: [FieldError("links", .invalidURL)], text: text(.en))
        XCTAssertEqual(refused.statuses.filter(\.selected).map(\.value), ["done"])
        XCTAssertEqual(refused.form.values["links"], "not a link")
        XCTAssertTrue(refused.form.hasErrors)
    }

    // MARK: A declaration

    func testANewDeclarationAsksEveryQuestionUnanswered() {
        let page = DeclarationPage(match: PageFixtures.match, party: .expert, choices: [:], details: [:], attested: false, declaredAt: nil,
                                   lookbackYears: 5, errors: [], text: text(.en))
        XCTAssertEqual(page.questions.count, ConflictQuestion.allCases.count)
        XCTAssertTrue(page.questions.allSatisfy { !$0.yes && !$0.no && $0.error == nil })
        XCTAssertNil(page.declaredAt)
        XCTAssertEqual(page.action, PageFixtures.matchPath + "/declaration")
    }

    func testARefusedDeclarationKeepsTheAnswersAndMarksEachError() {
        let page = DeclarationPage(match: PageFixtures.match, party: .publicBody, choices: ["employment": "yes"], details: [:], attested: false,
                                   declaredAt: nil, lookbackYears: 5,
                                   errors: [FieldError("employment_details", .required), FieldError("attested", .required)], text: text(.fr))
        let employment = page.questions.first { $0.name == "employment" }
        XCTAssertEqual(employment?.yes, true)
        XCTAssertEqual(employment?.detailsError, "Ce champ est obligatoire.")
        XCTAssertEqual(page.attestedError, "Ce champ est obligatoire.")
    }

    func testAFiledDeclarationSaysWhen() {
        let page = DeclarationPage(match: PageFixtures.match, party: .expert, choices: ["employment": "no"], details: [:], attested: true,
                                   declaredAt: PageFixtures.day, lookbackYears: 5, errors: [], text: text(.en))
        XCTAssertEqual(page.declaredAt, "Jan 27, 2027", "in the reader's language")
        XCTAssertTrue(page.attested)
    }
}
