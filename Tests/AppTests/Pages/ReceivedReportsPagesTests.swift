@testable import App
import ExchangeCore
import Foundation
import SecureReporting
import XCTest

/// A recipient's pages, built from plain values without the app: empty, typical and error states.
final class ReceivedReportsPagesTests: XCTestCase {
    let text = PageFixtures.text
    let misconduct = SeedQuestionnaire.officialMisconduct

    func testWithoutAKeyTheListOffersToMakeOne() {
        let page = ReceivedReportsPage(reports: [], holdsKey: false, unlocked: false, form: FormState(), text: text(.en))
        XCTAssertTrue(page.needsKey)
        XCTAssertFalse(page.needsUnlock)
        XCTAssertEqual(page.rows, [])
        XCTAssertEqual(page.createAction, "/received-reports/key")
    }

    func testALockedKeyIsOfferedToOpenAndReportsAreListed() {
        let page = ReceivedReportsPage(reports: [.init(id: PageFixtures.id, title: misconduct.title, status: .received, submittedOn: PageFixtures.day)],
                                       holdsKey: true, unlocked: false, form: FormState(values: [:], errors: [FieldError("password", .invalidChoice)], on: text(.fr)),
                                       text: text(.fr))
        XCTAssertTrue(page.needsUnlock)
        XCTAssertEqual(page.rows.first?.title, "Manquement d’un agent public")
        XCTAssertEqual(page.rows.first?.status, "Reçu")
        XCTAssertEqual(page.rows.first?.href, "/received-reports/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertTrue(page.form.hasErrors)
    }

    func testAReportNamesItsAnswersInTheReadersWords() {
        let thread = ReportThread(reportID: PageFixtures.id, contextKey: misconduct.key, versionNumber: 1, status: .underReview, expiresOn: PageFixtures.day,
                                  answers: ["kind": .choices(["theft"]), "amount": .amount(1200.5), "handlers-involved": .yesNo(false), "where": .location(.region("155"))],
                                  demographics: ["age": .choices(["30-59"])], messages: [.init(number: 1, fromWhistleblower: true, text: "Room 4", day: PageFixtures.day)])
        let page = ReceivedReportPage(thread: thread, title: misconduct.title, questionnaire: misconduct.questionnaire, form: FormState(), text: text(.fr))
        XCTAssertEqual(page.answers.map(\.answer).dropLast(), ["Prendre de l’argent ou des biens publics", "Non", "Europe de l’Ouest"])
        XCTAssertEqual(page.answers.last?.answer.replacingOccurrences(of: "\u{202F}", with: " "), "1 200,5", "the amount as French writes it")
        XCTAssertEqual(page.aboutReporter.map(\.answer), ["30 à 59 ans"])
        XCTAssertEqual(page.messages.map(\.from), ["La personne qui signale"])
        XCTAssertEqual(page.askAction, "/received-reports/6f9619ff-8b86-d011-b42d-00cf4fc964ff/messages")
        XCTAssertEqual(page.status, "En cours d’examen")
        XCTAssertTrue(page.keptUntil.hasPrefix("Conservé jusqu’au "), page.keptUntil)
        XCTAssertEqual(page.retentionAction, "/received-reports/6f9619ff-8b86-d011-b42d-00cf4fc964ff/retention")
    }
}
