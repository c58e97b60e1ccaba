@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The closing report, the coordinator's publication form and the public pages, built from plain values without the
/// app: empty, typical and error states.
final class PublicationPagesTests: XCTestCase {
    let text = PageFixtures.text
    let noFacts = PublicationService.Facts(successStatement: nil, deliverables: [], decisions: [], recommendations: [])
    let bothConsent = PublicationConsents([.summary: [.publicBody, .expert], .lessons: [.publicBody, .expert], .outcome: [.expert]])

    func testAnEmptyReportOffersAReaderNothingToDo() {
        let page = ReportPage(match: PageFixtures.match, facts: noFacts, consents: .init(), published: false, may: .init(), values: [:], errors: [],
                              text: text(.en))
        XCTAssertTrue(page.deliverables.isEmpty && page.decisions.isEmpty && page.recommendations.isEmpty)
        XCTAssertTrue([page.editAction, page.consentAction, page.publicationHref, page.publicHref].allSatisfy { $0 == nil })
        XCTAssertEqual(page.consents.count, PublicationItem.allCases.count)
        XCTAssertTrue(page.consents.allSatisfy { !$0.mine && !$0.body && !$0.expert })
    }

    func testAReportShowsEachSidesConsentAndTheReadersOwn() {
        let facts = PublicationService.Facts(successStatement: "We will know…", deliverables: [.init(title: "Pipeline", status: .done)],
                                             decisions: [.init(date: "2027-02-01", text: "Use OCDS")], recommendations: ["Keep going"])
        let page = ReportPage(match: PageFixtures.match, facts: facts, consents: bothConsent, published: true,
                              may: .init(edit: true, party: .expert, publish: false), values: [:], errors: [], text: text(.fr))
        XCTAssertEqual(page.deliverables, [.init(title: "Pipeline", status: "Terminé")])
        let outcome = page.consents.first { $0.item == "outcome" }
        XCTAssertEqual(outcome.map { [$0.mine, $0.body, $0.expert] }, [true, false, true])
        XCTAssertEqual(page.publicHref, "/public/exchanges/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertNotNil(page.consentAction)
        XCTAssertNil(page.publicationHref)
    }

    func testARefusedReportKeepsItsTextAndError() {
        let page = ReportPage(match: PageFixtures.match, facts: noFacts, consents: .init(), published: false, may: .init(edit: true),
                              values: ["outcome": "x"], errors: [FieldError("lessons", .required)], text: text(.es))
        XCTAssertEqual(page.form.values["outcome"], "x")
        XCTAssertEqual(page.form.errors["lessons"], "Este campo es obligatorio.")
    }

    func testThePublicationFormOffersOnlyWhatBothSidesConsentedToAndPreviewsIt() {
        let texts: [PublicationItem: String] = [.summary: "A summary", .lessons: " ", .outcome: "Not consented"]
        let page = PublicationPage(match: PageFixtures.match, texts: texts, post: "Post", consents: bothConsent, preview: true, errors: [], text: text(.en))
        XCTAssertEqual(page.items.map(\.id), ["text_summary", "text_lessons"])
        XCTAssertTrue(page.withoutConsent.count == PublicationItem.allCases.count - 2)
        XCTAssertEqual(page.preview?.items.map(\.text), ["A summary"], "a blank or unconsented item is not published")
        let nothing = PublicationPage(match: PageFixtures.match, texts: [:], post: "", consents: .init(), preview: false,
                                      errors: [FieldError("text_summary", .required)], text: text(.en))
        XCTAssertEqual(nothing.items, [])
        XCTAssertNil(nothing.preview)
        XCTAssertTrue(nothing.form.hasErrors)
    }

    func testThePublicPagesListEachExchangeAndItsLessons() {
        XCTAssertEqual(PublicListPage(published: [], text: text(.en)).rows, [])
        XCTAssertEqual(PublicLessonsPage(published: []).lessons, [])
        let exchange = PublishedExchange(engagement: PageFixtures.id, needTitle: "Red flags", texts: [.summary: "S", .lessons: "L"], publishedAt: PageFixtures.day)
        XCTAssertEqual(PublicListPage(published: [exchange], text: text(.en)).rows.map(\.summary), ["S"])
        XCTAssertEqual(PublicListPage(published: [exchange], text: text(.fr)).rows.map(\.published), ["27 janv. 2027"])
        XCTAssertEqual(PublicLessonsPage(published: [exchange]).lessons.map(\.text), ["L"])
        let page = PublicExchangePage(exchange, text: text(.fr))
        XCTAssertEqual(page.text.items.map(\.heading), ["Résumé", "Enseignements"])
    }
}
