import Foundation
import Testing
@testable import ExchangeCore

struct ProposalDecisionTests {
    let proposed = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    let alternate = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    let stranger = UUID(uuidString: "00000000-0000-0000-0000-000000000003")!

    @Test func aConfirmationTakesTheProposedExpert() {
        #expect(ProposalDecision(decision: "confirm", expertProfileID: stranger, reason: "ignored") == .confirm)
        #expect(ProposalDecision.confirm.outcome(proposed: proposed, offered: [alternate]) == .chosen(expertProfileID: proposed, reason: ""))
        #expect(ProposalDecision(decision: "accept", expertProfileID: nil, reason: nil) == nil)
    }

    @Test func anOverrideNeedsAReasonAndAnOfferedExpertOrNobody() {
        let toAlternate = ProposalDecision.override(expertProfileID: alternate, reason: "  Speaks the body's language.  ")
        #expect(toAlternate.outcome(proposed: proposed, offered: [alternate]) == .chosen(expertProfileID: alternate, reason: "Speaks the body's language."))
        #expect(ProposalDecision.override(expertProfileID: nil, reason: "Not now.").outcome(proposed: proposed, offered: [])
            == .chosen(expertProfileID: nil, reason: "Not now."))
        #expect(ProposalDecision.override(expertProfileID: alternate, reason: " ").outcome(proposed: proposed, offered: [alternate])
            == .refused([FieldError("reason", .required)]))
        for chosen in [proposed, stranger] {
            #expect(ProposalDecision.override(expertProfileID: chosen, reason: "Because.").outcome(proposed: proposed, offered: [alternate])
                == .refused([FieldError("expertProfileID", .invalidChoice)]))
        }
    }

    @Test func anExpertIsAvailableWhenEligibleWithAPlaceLeftAndTheNeedIsOpen() {
        #expect(MatchUnavailability.check(needMatched: false, expertStatus: .eligible, occupied: 1, capacity: 2) == nil)
        #expect(MatchUnavailability.check(needMatched: true, expertStatus: .eligible, occupied: 0, capacity: 2) == .needAlreadyMatched)
        #expect(MatchUnavailability.check(needMatched: false, expertStatus: .screened, occupied: 0, capacity: 2) == .expertNotEligible)
        #expect(MatchUnavailability.check(needMatched: false, expertStatus: .eligible, occupied: 2, capacity: 2) == .expertAtCapacity)
        #expect(MatchUnavailability.check(needMatched: false, expertStatus: .eligible, occupied: 0, capacity: nil) == .expertAtCapacity,
                "no capacity given is no place")
    }
}
