import Foundation
import Testing
@testable import ExchangeCore

struct EngagementWorkflowTests {
    /// Every step with inputs that are sometimes valid and sometimes not.
    static func randomStep(_ g: inout SeededGenerator) -> EngagementStep {
        let reason = Bool.random(using: &g) ? "Because the programme office agreed" : (Bool.random(using: &g) ? "" : "  ")
        // Cancelling ends a walk, so it is drawn rarely to let walks get far.
        let draw = Int.random(in: 0..<60, using: &g)
        switch draw == 59 ? 10 : draw % 10 {
        case 0: return .openDueDiligence
        case 1: return .decideDueDiligence(Int.random(in: 0..<5, using: &g) == 0 ? .rejected : (Bool.random(using: &g) ? .cleared : .mitigated), text: reason)
        case 2: return .reopenDueDiligence(reason: reason)
        case 3: return .reviseTermsOfReference(months: Int.random(in: 0...8, using: &g))
        case 4: return Bool.random(using: &g) ? .completeSignOff : .sign
        case 5: return .start
        case 6: return .beginClosing
        case 7: return .recordPostEvaluations
        case 8: return .close(overrideReason: Bool.random(using: &g) ? nil : reason)
        case 9: return .extend(months: Int.random(in: -1...4, using: &g), reason: reason)
        default: return .cancel(reason: reason)
        }
    }

    /// The stages an engagement may move between; anything else is a skipped safeguard.
    static let allowedMoves: Set<[EngagementStage]> = [
        [.proposed, .dueDiligence], [.dueDiligence, .torDrafting], [.torDrafting, .torSigned], [.torSigned, .torDrafting],
        [.torSigned, .active], [.active, .closing], [.closing, .closed],
    ]

    @Test func noSequenceOfStepsSkipsASafeguard() {
        var g = SeededGenerator(seed: 20261121)
        var reachedActive = 0, reachedClosed = 0
        for _ in 0..<5_000 {
            var state = EngagementState(plannedMonths: Int.random(in: 1...6, using: &g))
            for _ in 0..<Int.random(in: 1...60, using: &g) {
                let step = Self.randomStep(&g)
                let role = Bool.random(using: &g) ? .coordinator : Role.allCases.randomElement(using: &g)!
                guard let next = try? state.applying(step, by: role) else { continue }
                if next.stage != state.stage {
                    #expect(next.stage == .cancelled || Self.allowedMoves.contains([state.stage, next.stage]), "\(state.stage) → \(next.stage)")
                }
                if next.stage == .active && state.stage != .active {
                    #expect(next.dueDiligence.isCleared && next.termsSigned)
                    reachedActive += 1
                }
                if next.stage == .closed {
                    #expect(next.dueDiligence.isCleared)
                    #expect(next.postEvaluationsComplete || step != .close(overrideReason: nil))
                    reachedClosed += 1
                }
                if step.needsProgrammeStaff { #expect(role.managesProgramme) }
                #expect(next.totalMonths <= EngagementState.maximumMonths)
                state = next
            }
        }
        // The random walk must actually explore the interesting part of the machine.
        #expect(reachedActive > 100)
        #expect(reachedClosed > 10)
    }

    func walk(_ steps: [EngagementStep], from state: EngagementState = EngagementState()) throws -> EngagementState {
        try steps.reduce(state) { try $0.applying($1, by: .coordinator) }
    }

    @Test func theHappyPathRunsFromProposedToClosed() throws {
        let closed = try walk([.openDueDiligence, .decideDueDiligence(.cleared, text: "No conflicts found."),
                               .reviseTermsOfReference(months: 4), .completeSignOff, .start, .extend(months: 2, reason: "Pilot slipped"),
                               .beginClosing, .recordPostEvaluations, .close(overrideReason: nil)])
        #expect(closed.stage == .closed)
        #expect(closed.totalMonths == 6)
    }

    @Test func startingNeedsClearedDueDiligenceAndASignedVersion() throws {
        let signed = try walk([.openDueDiligence, .decideDueDiligence(.mitigated, text: "Waiver approved."),
                               .reviseTermsOfReference(months: 3), .completeSignOff])
        let reopened = try signed.applying(.reopenDueDiligence(reason: "New OCDS data names the employer as supplier."), by: .coordinator)
        #expect(throws: EngagementRefusal.dueDiligenceNotCleared) { try reopened.applying(.start, by: .coordinator) }
        let revised = try signed.applying(.reviseTermsOfReference(months: 3), by: .expert)
        #expect(revised.stage == .torDrafting && !revised.termsSigned)
        #expect(throws: EngagementRefusal.notFrom(.torDrafting)) { try revised.applying(.start, by: .coordinator) }
        #expect(throws: EngagementRefusal.programmeStaffOnly) { try signed.applying(.start, by: .publicParticipant) }
        #expect(try signed.applying(.start, by: .coordinator).stage == .active)
    }

    @Test func signOffIsARecheckOfDueDiligence() throws {
        let drafting = try walk([.openDueDiligence, .decideDueDiligence(.cleared, text: "Clear."),
                                 .reopenDueDiligence(reason: "A new declaration names a relative.")])
        #expect(drafting.stage == .torDrafting)
        #expect(throws: EngagementRefusal.dueDiligenceNotCleared) { try drafting.applying(.completeSignOff, by: .expert) }
    }

    /// A signature is taken only while the Terms are being drafted, by any party, and moves nothing by itself.
    @Test func signaturesAreTakenWhileDraftingOnly() throws {
        let drafting = try walk([.openDueDiligence, .decideDueDiligence(.cleared, text: "Clear."), .reviseTermsOfReference(months: 3)])
        #expect(try drafting.applying(.sign, by: .publicParticipant) == drafting)
        let signed = try drafting.applying(.completeSignOff, by: .expert)
        #expect(throws: EngagementRefusal.notFrom(.torSigned)) { try signed.applying(.sign, by: .expert) }
        let proposed = EngagementState()
        #expect(throws: EngagementRefusal.notFrom(.proposed)) { try proposed.applying(.sign, by: .expert) }
    }

    @Test func closingNeedsPostEvaluationsOrAStaffOverrideWithAReason() throws {
        let closing = try walk([.openDueDiligence, .decideDueDiligence(.cleared, text: "Clear."), .reviseTermsOfReference(months: 3),
                                .completeSignOff, .start, .beginClosing])
        #expect(throws: EngagementRefusal.postEvaluationsMissing) { try closing.applying(.close(overrideReason: nil), by: .coordinator) }
        #expect(throws: EngagementRefusal.reasonRequired) { try closing.applying(.close(overrideReason: " "), by: .coordinator) }
        #expect(throws: EngagementRefusal.programmeStaffOnly) { try closing.applying(.close(overrideReason: "Expert left"), by: .expert) }
        #expect(try closing.applying(.close(overrideReason: "The body dissolved its unit."), by: .coordinator).stage == .closed)
    }

    @Test func extensionsNeedAReasonAndStayWithinSixMonths() throws {
        let active = try walk([.openDueDiligence, .decideDueDiligence(.cleared, text: "Clear."), .reviseTermsOfReference(months: 5),
                               .completeSignOff, .start])
        #expect(throws: EngagementRefusal.reasonRequired) { try active.applying(.extend(months: 1, reason: ""), by: .coordinator) }
        #expect(throws: EngagementRefusal.extensionTooLong) { try active.applying(.extend(months: 2, reason: "More data"), by: .coordinator) }
        #expect(throws: EngagementRefusal.programmeStaffOnly) { try active.applying(.extend(months: 1, reason: "More data"), by: .expert) }
        #expect(try active.applying(.extend(months: 1, reason: "More data"), by: .coordinator).totalMonths == 6)
    }

    @Test func cancellingWorksFromAnyOpenStageWithAReasonAndEndsEverything() throws {
        for steps in [[], [EngagementStep.openDueDiligence], [.openDueDiligence, .decideDueDiligence(.cleared, text: "Clear.")]] {
            let state = try walk(steps)
            #expect(throws: EngagementRefusal.reasonRequired) { try state.applying(.cancel(reason: ""), by: .coordinator) }
            let cancelled = try state.applying(.cancel(reason: "Marketing concern upheld"), by: .coordinator)
            #expect(cancelled.stage == .cancelled)
            #expect(throws: EngagementRefusal.notFrom(.cancelled)) { try cancelled.applying(.openDueDiligence, by: .coordinator) }
        }
        let rejected = try walk([.openDueDiligence, .decideDueDiligence(.rejected, text: "Employer supplies the body.")])
        #expect(rejected.stage == .cancelled && rejected.dueDiligence == .rejected)
    }
}
