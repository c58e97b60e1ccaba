import ExchangeCore
import SecureReporting
import XCTest

/// The builder's form carries a questionnaire between edits without losing anything, and its buttons change only
/// what they name.
final class QuestionnaireFormTests: XCTestCase {
    func testEverySeedSurvivesTheFormUnchanged() {
        for seed in SeedQuestionnaire.allCases {
            XCTAssertEqual(QuestionnaireForm(seed.questionnaire).questionnaire, seed.questionnaire, "\(seed)")
        }
    }

    func testInputsAreNamedByTheChecksPathsSoEachProblemLandsOnItsInput() {
        var values = QuestionnaireForm(SeedQuestionnaire.bribery.questionnaire).values
        values["steps[1].fields[1].help.fr"] = "  "
        let problems = QuestionnaireForm(values: values).questionnaire.problems()
        XCTAssertEqual(problems.map(\.field), ["steps[1].fields[1].help.fr"])
        XCTAssertNotNil(values["steps[1].fields[1].help.fr"], "the problem's path is an input of the form")
    }

    func testOptionsAreWrittenOnePerLineAndConditionsAsFieldAndAnswer() throws {
        let values = [
            "steps[0].id": "facts", "steps[0].title.en": "Facts", "steps[0].title.fr": "Faits", "steps[0].title.es": "Hechos",
            "steps[0].fields[0].id": "paid", "steps[0].fields[0].kind": "choice", "steps[0].fields[0].required": "on",
            "steps[0].fields[0].options": "yes | Yes | Oui | Sí\n\nno|No|Non",
            "steps[0].fields[1].id": "amount", "steps[0].fields[1].kind": "amount", "steps[0].fields[1].showWhen": "paid=yes",
            "steps[0].fields[1].evidence": "amount",
            "rules[0].when": "paid=no", "rules[0].effect": "exclude", "rules[0].recipients": "integrity-unit, , ombudsman",
        ]
        let questionnaire = QuestionnaireForm(values: values).questionnaire
        let paid = try XCTUnwrap(questionnaire.field("paid"))
        XCTAssertTrue(paid.required)
        XCTAssertEqual(paid.options.map(\.id), ["yes", "no"], "blank lines are skipped")
        XCTAssertEqual(paid.options[0].label, LocalizedText(en: "Yes", fr: "Oui", es: "Sí"))
        XCTAssertEqual(paid.options[1].label.es, "", "a missing language stays missing, for the check to name")
        let amount = try XCTUnwrap(questionnaire.field("amount"))
        XCTAssertEqual(amount.showWhen, Condition(field: "paid", value: "yes"))
        XCTAssertEqual(amount.evidence, .amount)
        XCTAssertEqual(questionnaire.rules, [Rule(when: Condition(field: "paid", value: "no"), .excludeRecipients(["integrity-unit", "ombudsman"]))])
        XCTAssertEqual(questionnaire.recipientKeys, ["integrity-unit", "ombudsman"])
    }

    func testButtonsAddRemoveAndMoveOnlyWhatTheyName() throws {
        let seed = SeedQuestionnaire.bribery.questionnaire
        let added = seed.applying(try XCTUnwrap(QuestionnaireEdit(action: "add-question:0")))
        XCTAssertEqual(added.steps[0].fields.count, seed.steps[0].fields.count + 1)
        let fresh = try XCTUnwrap(added.steps[0].fields.last)
        XCTAssertEqual(fresh.id, "question-1")
        XCTAssertEqual(fresh.kind, .text)
        XCTAssertEqual(added.applying(.addDemographic).demographics.last?.id, "question-2", "a new id is never one in use")

        let second = seed.steps[1].fields[0].id
        let moved = seed.applying(.moveQuestionUp(step: 1, question: 0))
        XCTAssertEqual(moved.steps[0].fields.last?.id, second, "the first question of a step moves to the end of the step before")
        XCTAssertEqual(moved.steps[1].fields.count, seed.steps[1].fields.count - 1)
        let swapped = seed.applying(.moveQuestionUp(step: 1, question: 1))
        XCTAssertEqual(swapped.steps[1].fields.map(\.id).prefix(2), [seed.steps[1].fields[1].id, seed.steps[1].fields[0].id])

        XCTAssertEqual(seed.applying(.removeQuestion(step: 1, question: 0)).steps[1].fields.map(\.id), Array(seed.steps[1].fields.dropFirst().map(\.id)))
        XCTAssertEqual(seed.applying(.removeStep(0)).steps.count, seed.steps.count - 1)
        XCTAssertEqual(seed.applying(.addStep).steps.last?.fields.count, 1)
        XCTAssertEqual(seed.applying(.addRule).rules.count, seed.rules.count + 1)
        XCTAssertEqual(seed.applying(.removeStep(99)), seed, "an edit naming nothing changes nothing")
        XCTAssertEqual(seed.applying(.removeQuestion(step: 0, question: 99)), seed)
    }

    func testActionsReadBackAsTheEditsTheyName() {
        let edits: [QuestionnaireEdit] = [.addStep, .removeStep(2), .addQuestion(step: 1), .removeQuestion(step: 1, question: 3),
                                          .moveQuestionUp(step: 0, question: 2), .addDemographic, .removeDemographic(0), .addRule, .removeRule(4)]
        for edit in edits { XCTAssertEqual(QuestionnaireEdit(action: edit.action), edit) }
        for nonsense in ["", "publish", "check", "remove-step", "remove-step:-1", "remove-step:x", "add-step:1", "remove-question:1"] {
            XCTAssertNil(QuestionnaireEdit(action: nonsense), nonsense)
        }
    }

    func testANewBlankQuestionIsReportedUntilItIsWrittenInEveryLanguage() {
        let edited = SeedQuestionnaire.bribery.questionnaire.applying(.addQuestion(step: 0))
        let problems = Set(edited.problems().map(\.field))
        let path = "steps[0].fields[\(edited.steps[0].fields.count - 1)]"
        XCTAssertTrue(problems.isSuperset(of: ["\(path).label.en", "\(path).help.es", "\(path).why.fr"]), "\(problems.sorted())")
    }
}
