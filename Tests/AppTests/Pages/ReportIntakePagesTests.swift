@testable import App
import ExchangeCore
import Foundation
import SecureReporting
import XCTest

/// The reporting pages, built from plain values without the app: empty, typical and error states.
final class ReportIntakePagesTests: XCTestCase {
    let text = PageFixtures.text
    let misconduct = SeedQuestionnaire.officialMisconduct

    func testWithNoContextTheListSaysSoAndStillOffersTheWayBack() {
        let page = ReportContextsPage(contexts: [], text: text(.en))
        XCTAssertEqual(page.groups, [])
        XCTAssertEqual(page.followUp, "/reporting/follow-up?lang=en")
    }

    func testContextsAreGroupedByChannelInTheReadersLanguage() {
        let page = ReportContextsPage(contexts: SeedQuestionnaire.allCases.map { ($0.key, $0.channel, $0.title) }, text: text(.es))
        XCTAssertEqual(page.groups.map(\.heading), ["Denunciar desde dentro", "Reclamar sobre un servicio público"])
        XCTAssertEqual(page.groups[1].rows, [.init(href: "/reporting/new/bribery-in-public-services?lang=es", title: "Soborno en un servicio público")])
    }

    func testTheFormAsksEveryQuestionButFilesAndEndsWithTheOptionalOnes() {
        let page = ReportFormPage(context: misconduct.key, title: misconduct.title, questionnaire: misconduct.questionnaire, token: "t",
                                  regions: [("150", "Europe")], form: FormState(), blocks: [], text: text(.fr))
        XCTAssertEqual(page.heading, "Manquement d’un agent public")
        XCTAssertEqual(page.action, "/reporting/new/official-misconduct?lang=fr")
        let ids = page.sections.flatMap { $0.questions.map(\.id) }
        XCTAssertFalse(ids.contains("documents"), "files are added once the report is sealed")
        XCTAssertEqual(page.sections.last?.questions.map(\.id), ["age", "first-report"])
        XCTAssertTrue(page.sections.last?.questions.allSatisfy { !$0.required } ?? false)
        let amount = page.sections[0].questions.first { $0.id == "amount" }
        XCTAssertEqual(amount?.onlyIf, "Répondez seulement si votre réponse à « Quel genre de manquement ? » était « Prendre de l’argent ou des biens publics ».")
        let handlers = page.sections[0].questions.first { $0.id == "handlers-involved" }
        XCTAssertEqual(handlers?.choices.map(\.label), ["Oui", "Non"])
        XCTAssertEqual(page.sections[0].questions.first { $0.id == "where" }?.choices.first?.label, "Europe")
    }

    func testAnsweredFormsKeepTheAnswersAndShowErrorsAndBlocks() {
        let form = FormState(values: ["account": "…"], errors: [FieldError("kind", .required)], on: text(.en), labels: ["kind": "What kind of misconduct?"])
        let page = ReportFormPage(context: misconduct.key, title: misconduct.title, questionnaire: misconduct.questionnaire, token: "t", regions: [],
                                  form: form, chosen: ["handlers-involved": ["yes"]], blocks: [LocalizedText(en: "Call 112", fr: "Appelez le 112", es: "Llame al 112")],
                                  text: text(.en))
        XCTAssertEqual(page.blocks, ["Call 112"])
        let questions = page.sections[0].questions
        XCTAssertNotNil(questions.first { $0.id == "kind" }?.error)
        XCTAssertEqual(questions.first { $0.id == "account" }?.value, "…")
        XCTAssertEqual(questions.first { $0.id == "handlers-involved" }?.choices.filter(\.checked).map(\.value), ["yes"])
        XCTAssertEqual(form.summary.first?.message.hasPrefix("What kind of misconduct?"), true)
    }

    func testTheReceiptIsShownInGroupsOfFour() {
        let page = ReportReceiptPage(receipt: Receipt(typed: "1234567890123456")!, text: text(.en))
        XCTAssertEqual(page.receipt, "1234 5678 9012 3456")
        XCTAssertEqual(page.followUp, "/reporting/follow-up?lang=en")
    }

    func testTheThreadNamesWhoWroteEachMessageAndTheStatus() {
        let thread = ReportThread(reportID: PageFixtures.id, contextKey: misconduct.key, versionNumber: 1, status: .underReview, expiresOn: PageFixtures.day, answers: [:], demographics: [:],
                                  messages: [.init(number: 1, fromWhistleblower: false, text: "Which office?", day: PageFixtures.day),
                                             .init(number: 2, fromWhistleblower: true, text: "Room 4", day: PageFixtures.day)])
        let page = ReportThreadPage(thread: thread, receipt: "1234567890123456", token: "t", form: FormState(), text: text(.es))
        XCTAssertEqual(page.status, "En revisión")
        XCTAssertEqual(page.messages.map(\.from), ["Quienes tramitan su denuncia", "Usted"])
        XCTAssertEqual(page.action, "/reporting/follow-up/reply?lang=es")
        let empty = ReportThreadPage(thread: ReportThread(reportID: PageFixtures.id, contextKey: "", versionNumber: 1, status: .received, expiresOn: PageFixtures.day, answers: [:],
                                                          demographics: [:], messages: []), receipt: "", token: "t", form: FormState(), text: text(.en))
        XCTAssertEqual(empty.messages, [])
        XCTAssertEqual(empty.status, "Received")
    }
}
