@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The matching board, a run with its proposals, the comparison with stable matching, the candidates of a need,
/// an expert's opportunities and the settings form, built from plain values without the app.
final class MatchingPagesTests: XCTestCase {
    let text = PageFixtures.text
    let ada = PageFixtures.otherID, grace = UUID(uuidString: "22222222-2222-2222-2222-222222222222")!

    func run(_ status: MatchRun.Status) -> MatchRun {
        let run = MatchRun()
        (run.id, run.status, run.settings, run.needCount, run.startedAt) = (PageFixtures.id, status, .standard, 2, PageFixtures.day)
        if status == .completed { (run.objective, run.stableObjective, run.unassigned, run.stableUnassigned) = (1.5, 1.25, 0, 1) }
        return run
    }

    func profile(_ id: UUID, _ name: String) -> ExpertProfile {
        ExpertProfile(id: id, userID: id, name: name, email: "x@example.org", organisation: "Org", now: PageFixtures.day)
    }

    func proposal(expert: UUID?, stable: UUID?, decision: MatchProposal.Decision = .pending) -> MatchProposal {
        let need = Need()
        (need.id, need.title) = (PageFixtures.otherID, "Red flags")
        let p = MatchProposal()
        (p.id, p.breakdown, p.excluded, p.decision, p.score, p.stableScore) = (PageFixtures.id, ["skills": 0.5], ["no_shared_language": 12], decision, 0.9, 0.7)
        p.$need.value = need
        p.$need.id = PageFixtures.otherID
        p.$expert.id = expert
        p.$stableExpert.id = stable
        p.alternates = []
        return p
    }

    // MARK: The board and a run

    func testAnEmptyBoardHasNoRunsAndShowsTheSettings() throws {
        let page = try MatchingBoardPage(openNeeds: 0, needsAwaitingBody: 0, runs: [], settings: .standard, text: text(.en))
        XCTAssertFalse(page.running)
        XCTAssertEqual(page.runs, [])
        XCTAssertEqual(page.settings.count, MatchCriterion.allCases.count + 2)
    }

    func testARunningRunShowsItsProgressAndAnInterruptedOneSaysSo() throws {
        let board = try MatchingBoardPage(openNeeds: 3, needsAwaitingBody: 1, runs: [run(.running)], settings: .standard, text: text(.en))
        XCTAssertTrue(board.running)
        XCTAssertEqual(board.runs.map(\.status), ["Running"])
        let progressing = try MatchingRunPage(run: run(.running), progress: .init(phase: .ranking, done: 1, total: 2), proposals: [], text: text(.en))
        XCTAssertTrue(progressing.running)
        XCTAssertEqual(progressing.percent, 40)
        XCTAssertEqual(progressing.message, "Ranking candidates: need 1 of 2.")
        let interrupted = try MatchingRunPage(run: run(.running), progress: nil, proposals: [], text: text(.en))
        XCTAssertTrue(interrupted.failed)
        XCTAssertFalse(interrupted.running)
        XCTAssertTrue(interrupted.message.hasPrefix("This run was interrupted"))
    }

    func testAProposalOffersItsFallbacksAndKeepsARefusedDecision() throws {
        let p = proposal(expert: ada, stable: grace)
        let form = FormState(values: ["expertProfileID": grace.pathSegment], errors: [FieldError("reason", .required)], on: text(.en))
        let card = try ProposalCard(p, profiles: [ada: profile(ada, "Ada"), grace: profile(grace, "Grace")], form: form, text: text(.en))
        XCTAssertEqual(card.proposed?.name, "Ada")
        XCTAssertEqual(card.stable?.name, "Grace")
        XCTAssertTrue(card.stableDiffers)
        XCTAssertEqual(card.overrideOptions.map(\.value), [grace.pathSegment, ""], "stable matching's choice, then leaving it unassigned")
        XCTAssertEqual(card.overrideOptions.filter(\.selected).map(\.value), [grace.pathSegment])
        XCTAssertEqual(card.excluded, ["12 excluded: no shared working language"])
        XCTAssertEqual(card.decision, "Awaiting your decision")
        XCTAssertTrue(card.form.hasErrors)
        let page = try MatchingRunPage(run: run(.completed), progress: nil, proposals: [card], text: text(.en))
        XCTAssertTrue(page.completed && page.hasProposals)
        XCTAssertEqual(page.objective, "1.50")
    }

    func testTheComparisonCountsWhereTheTwoAssignmentsDiffer() throws {
        let same = proposal(expert: ada, stable: ada), differs = proposal(expert: ada, stable: nil)
        for p in [same, differs] { p.$expert.value = profile(ada, "Ada"); p.$stableExpert.value = p.$stableExpert.id.map { profile($0, "Ada") } }
        let page = try MatchingComparisonPage(run: run(.completed), proposals: [same, differs], text: text(.fr))
        XCTAssertEqual(page.differing, 1)
        XCTAssertEqual(page.rows.last?.stable, "Non attribué")
        XCTAssertEqual(page.gap, "0.25")
        XCTAssertEqual(try MatchingComparisonPage(run: run(.completed), proposals: [], text: text(.en)).rows, [])
    }

    // MARK: Candidates

    func testCandidatesAreRankedWithTheirScoresAndTheExcludedCounted() {
        let ranking = Ranking(candidates: [.init(candidate: 1, score: 0.8, breakdown: [.skills: 0.5])], excluded: [.noSharedLanguage: 4], considered: 5)
        let page = CandidatesPage(need: PageFixtures.otherID, needTitle: "Red flags", ranking: ranking, people: [("A", "X"), ("B", "Y")], text: text(.en))
        XCTAssertEqual(page.rows, [.init(rank: 1, name: "B", organisation: "Y", score: "80%",
                                         criteria: [.init(value: "50%"), .init(value: "—"), .init(value: "—"), .init(value: "—"), .init(value: "—")])])
        XCTAssertEqual(page.excluded, ["4 excluded: no shared working language"])
        let none = CandidatesPage(need: PageFixtures.otherID, needTitle: "Red flags", ranking: Ranking(candidates: [], excluded: [:], considered: 0),
                                  people: [], text: text(.en))
        XCTAssertFalse(none.hasRows || none.hasExcluded)
    }

    // MARK: Opportunities and settings

    func testAnExpertWithoutAProfileSeesNoOpportunitiesAndOneWithSeesTheirStance() {
        XCTAssertFalse(OpportunitiesPage(openings: nil, taxonomy: PageFixtures.taxonomy, text: text(.en)).hasProfile)
        var draft = NeedDraft()
        draft.title = "Red flags"
        draft.languages = ["es"]
        let page = OpportunitiesPage(openings: [.init(id: PageFixtures.id, draft: draft, country: "ES", stance: .interested)],
                                     taxonomy: PageFixtures.taxonomy, text: text(.fr))
        XCTAssertEqual(page.cards.first?.country, "Espagne")
        XCTAssertEqual(page.cards.first?.languages, "espagnol")
        XCTAssertEqual(page.cards.first?.stances.filter(\.selected).map(\.value), ["interested"])
    }

    func testTheSettingsFormShowsTheStoredValuesAndEachRefusedOne() {
        let stored = MatchingSettingsPage(values: MatchingSettingsPage.values(.standard), errors: [], text: text(.en))
        XCTAssertEqual(stored.weights.count, MatchCriterion.allCases.count)
        XCTAssertTrue(stored.weights.allSatisfy { $0.error == nil && !$0.value.isEmpty })
        XCTAssertEqual(stored.form.values["alternates"], "3")
        let refused = MatchingSettingsPage(values: ["weights.skills": "-1"], errors: [FieldError("weights.skills", .outOfRange)], text: text(.es))
        XCTAssertEqual(refused.weights.first { $0.name == "skills" }?.value, "-1")
        XCTAssertNotNil(refused.weights.first { $0.name == "skills" }?.error)
        XCTAssertNil(refused.weights.first { $0.name == "language" }?.error)
    }
}
