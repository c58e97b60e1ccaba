import Foundation
import Testing
@testable import ExchangeCore

struct ScreeningTests {
    let allAttested = Authorisations(proBono: true, workHours: true, publicCommunication: true)

    func application(years: Int? = 8, fields: Set<ExperienceField> = [.audit], statement: String = "",
                     motivation: String = String(repeating: "I want to help integrity bodies use data. ", count: 2)) -> ExpertApplication {
        ExpertApplication(
            fullName: "Eli Expert", residence: CountryCode("GB"), employerID: UUID(), yearsOfExperience: years, fields: fields,
            transferStatement: statement, skillCount: 3, languageCount: 2, hoursPerWeek: 4,
            availableFrom: Date(timeIntervalSince1970: 0), availableUntil: Date(timeIntervalSince1970: 86_400 * 200),
            authorisations: allAttested, valuesAlignment: true, motivation: motivation)
    }

    @Test func aCompleteApplicationPasses() {
        let screening = ExpertScreening.screen(application())
        #expect(screening.overall == .pass)
        #expect(screening.results.count == ExpertCriterion.allCases.count)
    }

    @Test func underFiveYearsIsForReviewNotFailure() {
        let screening = ExpertScreening.screen(application(years: 3))
        #expect(screening.outcome(of: .experience) == .needsReview)
        #expect(screening.results.first { $0.criterion == .experience }?.reason == "experience_under_five_years")
        #expect(screening.overall == .needsReview)
        #expect(ExpertScreening.screen(application(years: 5)).outcome(of: .experience) == .pass)
        #expect(ExpertScreening.screen(application(years: nil)).outcome(of: .experience) == .fail)
    }

    @Test func anotherFieldNeedsAStatementOfHowItTransfers() {
        #expect(ExpertScreening.screen(application(fields: [.other])).outcome(of: .fields) == .fail)
        #expect(ExpertScreening.screen(application(fields: [.other], statement: "Fraud analytics in banking transfers directly."))
            .outcome(of: .fields) == .needsReview)
        #expect(ExpertScreening.screen(application(fields: [.other, .fraud])).outcome(of: .fields) == .pass)
        #expect(ExpertScreening.screen(application(fields: [])).outcome(of: .fields) == .fail)
    }

    @Test func eachMissingAuthorisationFailsOnItsOwn() {
        var a = application()
        a.authorisations.publicCommunication = false
        let screening = ExpertScreening.screen(a)
        #expect(screening.outcome(of: .publicCommunication) == .fail)
        #expect(screening.outcome(of: .proBono) == .pass)
        #expect(screening.overall == .fail)
    }

    @Test func availabilityNeedsHoursAWindowAndCapacity() {
        var a = application()
        a.availableUntil = a.availableFrom
        #expect(ExpertScreening.screen(a).results.first { $0.criterion == .availability }?.reason == "no_window")
        a = application()
        a.hoursPerWeek = 0
        #expect(ExpertScreening.screen(a).outcome(of: .availability) == .fail)
    }

    @Test func publicBodiesAreScreenedOnTheirOwnCriteria() {
        let ok = PublicBodyApplication(organisationComplete: true, contactPeople: 1, authorisations: allAttested, confirmsIntegrityMandate: true)
        #expect(PublicBodyScreening.screen(ok).overall == .pass)
        var noContact = ok
        noContact.contactPeople = 0
        #expect(PublicBodyScreening.screen(noContact).outcome(of: .contacts) == .fail)
    }

    @Test func statusMovesOnlyAlongTheWorkflow() throws {
        var status = ParticipationStatus.draft
        status = try ParticipationWorkflow.apply(.submit, to: status)
        status = try ParticipationWorkflow.apply(.screen(.needsReview), to: status)
        #expect(status == .screened)
        #expect(throws: ParticipationWorkflow.Refusal.reasonRequired) {
            try ParticipationWorkflow.apply(.decide(eligible: true, reason: "  "), to: .screened)
        }
        status = try ParticipationWorkflow.apply(.decide(eligible: true, reason: "Three years, but led a national e-procurement audit."), to: status)
        #expect(status == .eligible)
        #expect(throws: ParticipationWorkflow.Refusal.notAllowed(from: .draft)) {
            try ParticipationWorkflow.apply(.screen(.pass), to: .draft)
        }
        #expect(throws: ParticipationWorkflow.Refusal.notAllowed(from: .submitted)) {
            try ParticipationWorkflow.apply(.decide(eligible: true, reason: "skip screening"), to: .submitted)
        }
        #expect(try ParticipationWorkflow.apply(.override(eligible: false, reason: "Conflict found later"), to: .eligible) == .ineligible)
        #expect(try ParticipationWorkflow.apply(.reopen, to: .ineligible) == .draft)
        #expect(try ParticipationWorkflow.apply(.confirm, to: .invited) == .draft)
        #expect(try ParticipationWorkflow.coordinatorDecision(eligible: true, reason: "ok", on: .screened) == .eligible)
        #expect(try ParticipationWorkflow.coordinatorDecision(eligible: false, reason: "override", on: .eligible) == .ineligible)
        #expect(throws: ParticipationWorkflow.Refusal.notAllowed(from: .draft)) {
            try ParticipationWorkflow.coordinatorDecision(eligible: true, reason: "too early", on: .draft)
        }
        #expect(throws: ParticipationWorkflow.Refusal.notAllowed(from: .invited)) { try ParticipationWorkflow.apply(.submit, to: .invited) }
        // A second identical decision (a double click, two coordinators) is refused rather than recorded twice.
        #expect(throws: ParticipationWorkflow.Refusal.notAllowed(from: .eligible)) {
            try ParticipationWorkflow.coordinatorDecision(eligible: true, reason: "again", on: .eligible)
        }
        #expect(throws: ParticipationWorkflow.Refusal.notAllowed(from: .ineligible)) {
            try ParticipationWorkflow.apply(.override(eligible: false, reason: "again"), to: .ineligible)
        }
    }

    /// The pages offer a decision exactly where the workflow accepts one.
    @Test(arguments: ParticipationStatus.allCases)
    func aDecisionIsOfferedWhereTheWorkflowAcceptsIt(status: ParticipationStatus) {
        // From a decided status only the other outcome is a decision; the same one again is refused.
        let accepted = [true, false].contains { (try? ParticipationWorkflow.coordinatorDecision(eligible: $0, reason: "r", on: status)) != nil }
        #expect(ParticipationWorkflow.coordinatorMayDecide(status) == accepted)
    }
}

struct LetterFormatTests {
    @Test func theBytesDecideTheFormatNotTheName() throws {
        #expect(try LetterFormat.check(Array("%PDF-1.7 …".utf8)) == .pdf)
        #expect(try LetterFormat.check([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(throws: LetterFormat.Refusal.unsupported) { try LetterFormat.check(Array("<html>".utf8)) }
        #expect(throws: LetterFormat.Refusal.empty) { try LetterFormat.check([UInt8]()) }
        #expect(throws: LetterFormat.Refusal.tooLarge) { try LetterFormat.check([UInt8](repeating: 0x25, count: LetterFormat.maximumBytes + 1)) }
    }

    @Test func downloadNamesCarryNoPathOrQuote() {
        #expect(LetterFormat.safeFilename("../../etc/pass\"wd.pdf", format: .pdf) == "passwd.pdf")
        #expect(LetterFormat.safeFilename("Carta ñandú.exe", format: .png) == "Cartaand.png")
        #expect(LetterFormat.safeFilename("", format: .jpeg) == "authorisation-letter.jpg")
    }
}
