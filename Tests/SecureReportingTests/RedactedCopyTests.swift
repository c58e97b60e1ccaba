import Crypto
import Foundation
import SecureReporting
import Testing

@Suite struct RedactedCopyTests {
    let answers: [String: Answer] = ["service": .choices(["health"]), "hospital": .text("North clinic"), "amount": .amount(150)]

    @Test func keepsOnlyWhatTheReaderChoseAndNamesWhatWasWithheld() {
        let copy = RedactedCopy(answers: answers, keeping: ["service", "amount", "never-answered"],
                                order: ["service", "hospital", "station", "amount"], note: "For your district")
        #expect(copy.answers == ["service": .choices(["health"]), "amount": .amount(150)])
        #expect(copy.withheld == ["hospital"], "only answered questions are withheld; unanswered ones were never there")
        #expect(copy.note == "For your district")
    }

    @Test func theCopyOpensOnlyUnderItsOwnScopeNeverTheReports() throws {
        let scope = RedactedCopy.scope(reportID: "r1", forwardID: "f1")
        let key = ReportKey(reportID: scope)
        let sealed = try key.seal(json: RedactedCopy(answers: answers, keeping: ["service"], order: ["service"], note: "n"), item: RedactedCopy.item)
        let reader = Curve25519.KeyAgreement.PrivateKey()
        let wrapped = try WrappedKey(key, for: "reader", publicKey: reader.publicKey)
        let opened = try wrapped.open(reportID: scope, with: reader)
        #expect(try opened.open(RedactedCopy.self, from: sealed, item: RedactedCopy.item).answers == ["service": .choices(["health"])])
        #expect(throws: (any Error).self) { try wrapped.open(reportID: "r1", with: reader) }
        #expect(throws: (any Error).self) { try wrapped.open(reportID: RedactedCopy.scope(reportID: "r1", forwardID: "f2"), with: reader) }
    }

    @Test func storedAnswersKeepTheirExclusions() {
        let questionnaire = briberyQuestionnaire()
        #expect(questionnaire.excludedRecipients(of: ["service": .choices(["police"])]) == ["police-inspectorate"])
        #expect(questionnaire.excludedRecipients(of: ["service": .choices(["health"])]) == [])
        #expect(questionnaire.excludedRecipients(of: [:]) == [])
    }
}
