@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The match list and the match page, built from plain values without the app: empty, typical and error states.
final class MatchPagesTests: XCTestCase {
    let text = PageFixtures.text

    func decision(_ status: DueDiligenceDecision.Status, by requester: UUID = PageFixtures.otherID) -> DueDiligenceDecision {
        let decision = DueDiligenceDecision()
        decision.outcome = status == .awaitingApproval ? .mitigated : .cleared
        decision.status = status
        decision.text = "No tie found."
        decision.requestedBy = requester
        decision.requestedAt = PageFixtures.day
        return decision
    }

    var scoring: MatchPage.Scoring {
        let explanation = MatchExplanation(
            need: .init(requiredSkills: ["ocds", "python"], preferredSkills: [], languages: ["es"], country: "ES", start: PageFixtures.day, durationMonths: 4),
            expert: .init(skills: [.init(skill: "ocds", level: 3)], languages: [.init(code: "es", level: .native)], countries: ["FR"],
                          availableFrom: PageFixtures.day, availableUntil: nil, years: 7))
        return .init(score: 0.8, breakdown: ["skills": 0.5, "experience": 1], explanation: explanation, country: "ES", sector: nil)
    }

    func page(_ state: EngagementState, may: MatchPage.Permissions, decisions: [DueDiligenceDecision] = [], concerns: [MatchPage.Concern] = [],
              errors: [FieldError] = [], language: SupportedLanguage = .en) -> MatchPage {
        MatchPage(match: PageFixtures.match, state: state, cancelReason: "Withdrawn", scoring: scoring, decisions: decisions, declared: [.expert],
                  concerns: concerns, may: may, values: ["reason": "Withdrawn"], errors: errors, taxonomy: PageFixtures.taxonomy, text: text(language))
    }

    func state(_ stage: EngagementStage, dueDiligence: DueDiligenceStatus = .cleared, extended: Int = 0) -> EngagementState {
        EngagementState(stage: stage, dueDiligence: dueDiligence, termsSigned: stage != .proposed, postEvaluationsComplete: false,
                        plannedMonths: 4, extensionMonths: extended)
    }

    // MARK: The list

    func testAnEmptyListHasNoRowsAndNoFurtherPage() {
        let page = MatchListPage(items: [], total: 0, page: 1, text: text(.en))
        XCTAssertEqual(page.rows, [])
        XCTAssertNil(page.pager.nextHref)
    }

    func testAListNamesEachMatchsStageInTheReadersLanguage() {
        let page = MatchListPage(items: [.init(id: PageFixtures.id, needTitle: "Red flags", expert: "Ada", stage: .active, score: 0.834)],
                                 total: 3_000, page: 1, text: text(.fr))
        XCTAssertEqual(page.rows, [.init(href: PageFixtures.matchPath, need: "Red flags", expert: "Ada", stage: "En cours", score: "83\u{00A0}%")], "French puts a no-break space before %")
        XCTAssertNotNil(page.pager.nextHref)
    }

    // MARK: One match

    func testAProposedMatchShowsAPartyOnlyWhyTheyWereMatched() {
        let page = page(state(.proposed, dueDiligence: .notStarted), may: .init(party: .expert))
        XCTAssertEqual(page.stage, "Proposed match")
        XCTAssertNil(page.declarationHref, "nothing to declare before due diligence opens")
        XCTAssertNil(page.needHref)
        XCTAssertTrue([page.openAction, page.cancelAction, page.reviewHref, page.termsHref, page.workHref].allSatisfy { $0 == nil })
        XCTAssertEqual(page.cancelReason, nil)
        XCTAssertEqual(page.stages.filter(\.current).map(\.label), ["Proposed match"])
        XCTAssertEqual(page.reportConcernHref, PageFixtures.matchPath + "/concerns/new")
        XCTAssertTrue(page.declared)
    }

    func testTheReasonsNameTheFactsBehindEachScoreInTheReadersLanguage() {
        let page = page(state(.proposed), may: .init(), language: .fr)
        XCTAssertEqual(page.reasons.map(\.label), ["Compétences", "Expérience"])
        XCTAssertEqual(page.reasons.map(\.width), [100, 200])
        let skills = page.reasons[0].facts
        XCTAssertEqual(skills.count, 2)
        XCTAssertTrue(skills[0].hasPrefix("Compétences requises couvertes : "))
        XCTAssertTrue(skills[1].hasPrefix("Compétences requises non couvertes : "))
        XCTAssertEqual(page.score, "80\u{00A0}%")
    }

    func testStaffOnARunningMatchMayCloseExtendAndReadTheConcerns() {
        let concern = MatchPage.Concern(id: PageFixtures.otherID, reportedAt: PageFixtures.day, status: .open)
        let page = page(state(.active), may: .init(openNeed: true, staff: true, readTerms: true, readWork: true),
                        decisions: [decision(.decided), decision(.awaitingApproval)], concerns: [concern])
        XCTAssertEqual(page.closingAction, PageFixtures.matchPath + "/closing")
        XCTAssertEqual(page.extendAction, PageFixtures.matchPath + "/extend")
        XCTAssertEqual(page.monthsLeft, 2)
        XCTAssertEqual(page.cancelAction, PageFixtures.matchPath + "/cancel")
        XCTAssertEqual(page.needHref, "/needs/0e984725-c51c-4bf4-9960-e1c80e27aba0")
        XCTAssertNotNil(page.workHref)
        XCTAssertNotNil(page.evaluationsHref)
        XCTAssertNil(page.reportHref, "the closing report opens with closing")
        XCTAssertEqual(page.decisions.map(\.outcome), ["Cleared"], "a waiver still waiting is not a decision yet")
        XCTAssertEqual(page.concerns.map(\.status), ["Open"])
        XCTAssertNil(page.declarationHref, "staff declare nothing")
    }

    func testARefusedStepComesBackWithWhatWasSentAndItsError() {
        let page = page(state(.active, extended: 2), may: .init(staff: true), errors: [FieldError("reason", .required)], language: .es)
        XCTAssertTrue(page.form.hasErrors)
        XCTAssertEqual(page.form.values["reason"], "Withdrawn")
        XCTAssertEqual(page.form.errors["reason"], "Este campo es obligatorio.")
        XCTAssertNil(page.extendAction, "six months is the longest an engagement runs")
    }
}
