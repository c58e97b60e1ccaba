import Foundation
import Testing
@testable import ExchangeCore

struct DueDiligenceTests {
    static let expertOrg = UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!
    static let body = UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!

    static func completeChecklist(concernAt item: DueDiligenceItem? = nil) -> DueDiligenceChecklist {
        DueDiligenceChecklist(Dictionary(uniqueKeysWithValues: DueDiligenceItem.allCases.map {
            ($0, ChecklistEntry(status: $0 == item ? .concern : .done, notes: "Checked the registry."))
        }))
    }

    static func declaration(yesTo question: ConflictQuestion? = nil) -> ConflictDeclaration {
        ConflictDeclaration.parse(choices: Dictionary(uniqueKeysWithValues: ConflictQuestion.allCases.map { ($0.rawValue, $0 == question ? "yes" : "no") }),
                                  details: question.map { [$0.rawValue: "My sister heads its IT unit."] } ?? [:], attested: true).0
    }

    @Test func checklistEntriesNeedEvidenceAndRealLinks() {
        #expect(ChecklistEntry.parse(status: "pending", notes: nil, links: nil).1 == [])
        #expect(ChecklistEntry.parse(status: "concern", notes: " ", links: "https://example.org/a").1 == [FieldError("notes", .required)])
        let done = ChecklistEntry.parse(status: "done", notes: "", links: "https://opencorporates.com/x\nhttp://example.org/y")
        #expect(done.1 == [] && done.0.links.count == 2)
        #expect(ChecklistEntry.parse(status: "done", notes: "ok", links: "javascript:alert(1)").1 == [FieldError("links", .invalidURL)])
        #expect(ChecklistEntry.parse(status: "maybe", notes: "ok", links: nil).1 == [FieldError("status", .invalidChoice)])
    }

    @Test func aDeclarationAnswersEveryQuestionAndExplainsEachYes() {
        let (_, missing) = ConflictDeclaration.parse(choices: ["employment": "no"], details: [:], attested: false)
        #expect(missing.contains(FieldError("financial_interests", .required)))
        #expect(missing.contains(FieldError("attested", .required)))
        #expect(!missing.contains(FieldError("employment", .required)))
        var choices = Dictionary(uniqueKeysWithValues: ConflictQuestion.allCases.map { ($0.rawValue, "no") })
        choices["personal_relations"] = "yes"
        #expect(ConflictDeclaration.parse(choices: choices, details: [:], attested: true).1 == [FieldError("personal_relations_details", .required)])
        #expect(Self.declaration(yesTo: .personalRelations).declaredConflicts == [.personalRelations])
    }

    @Test func signalsNameTheirEvidence() {
        let previous = UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!
        let signals = ConflictScreening.signals(.init(
            expertOrganisationID: Self.body, expertOrganisationName: "Oficina Anticorrupción", bodyID: Self.body, bodyName: "Anti-Corruption Office",
            previousExchanges: [.init(engagementID: previous, needTitle: "Asset declarations", stage: .closed)],
            declarations: [.expert: Self.declaration(yesTo: .personalRelations), .publicBody: Self.declaration()],
            procurement: [ProcurementRelation(ocid: "ocds-abc-1", bodyRole: "buyer", employerRole: "supplier",
                                              partyName: "Datos SA", matchedBy: .name)],
            ownership: [OwnershipPath(names: ["Datos SA", "Holding BV", "Supplies Ltd"], statementIDs: ["s1", "r1", "s2"])]))
        #expect(signals.map(\.kind) == [.sameOrganisation, .previousExchange, .declared, .procurementRelation, .ownershipPath])
        #expect(signals[0].evidence == ["Oficina Anticorrupción", "Anti-Corruption Office"])
        #expect(signals[1].evidence == ["Asset declarations", "closed"])
        #expect(signals[2].evidence == ["expert", "personal_relations", "My sister heads its IT unit."])
        #expect(signals[3].fingerprint == "procurement_relation:ocds-abc-1:supplier")
        #expect(signals[4].evidence == ["Datos SA → Holding BV → Supplies Ltd", "2"])
        #expect(ConflictScreening.signals(.init(expertOrganisationID: Self.expertOrg, expertOrganisationName: "Datos SA",
                                                bodyID: Self.body, bodyName: "Anti-Corruption Office")).isEmpty)
        // The same organisation under another spelling still counts.
        #expect(ConflictScreening.signals(.init(expertOrganisationID: Self.expertOrg, expertOrganisationName: "DATOS, S.A.",
                                                bodyID: Self.body, bodyName: "Datos SA")).map(\.kind) == [.sameOrganisation])
    }

    @Test func organisationNamesCompareWithoutCaseAccentsPunctuationOrLegalForm() {
        #expect(OrganisationName.normalised("Datos, S.A.") == "datos")
        #expect(OrganisationName.normalised("DATOS s. a.") == "datos")
        #expect(OrganisationName.normalised("Öffentliche Daten GmbH & Co. KG") == "offentliche daten")
        #expect(OrganisationName.normalised("Integridad Digital Ltda.") == "integridad digital")
        #expect(OrganisationName.normalised("Ltd") == "ltd")
    }

    @Test func clearingNeedsACompleteReviewAndAWaiverWhenAnythingWasFound() {
        let clean = DueDiligenceFindings(checklist: Self.completeChecklist(), declaredBy: [.expert, .publicBody], signals: [])
        #expect(DueDiligenceDecisionRules.check(.cleared, text: "No conflicts.", mitigation: "", findings: clean) == [])
        #expect(DueDiligenceDecisionRules.check(.cleared, text: "", mitigation: "", findings: clean) == [FieldError("text", .required)])

        let early = DueDiligenceFindings(checklist: DueDiligenceChecklist(), declaredBy: [.expert], signals: [])
        #expect(DueDiligenceDecisionRules.check(.cleared, text: "ok", mitigation: "", findings: early)
            == [FieldError("checklist", .incomplete), FieldError("declarations", .incomplete)])
        #expect(DueDiligenceDecisionRules.check(.rejected, text: "Too close.", mitigation: "", findings: early) == [])

        let concern = DueDiligenceFindings(checklist: Self.completeChecklist(concernAt: .references), declaredBy: [.expert, .publicBody], signals: [])
        #expect(DueDiligenceDecisionRules.check(.cleared, text: "ok", mitigation: "", findings: concern) == [FieldError("outcome", .needsWaiver)])
        #expect(DueDiligenceDecisionRules.check(.mitigated, text: "Low risk.", mitigation: "", findings: concern)
            == [FieldError("mitigation", .required)])
        #expect(DueDiligenceDecisionRules.check(.mitigated, text: "Low risk.", mitigation: "Expert recuses from vendor work.", findings: concern) == [])
        #expect(DueDiligenceDecisionRules.checkApproval(requestedBy: Self.body, approver: Self.body) == [FieldError("approver", .sameAsRequester)])
        #expect(DueDiligenceDecisionRules.checkApproval(requestedBy: Self.body, approver: Self.expertOrg) == [])
    }
}

struct MarketingConcernTests {
    @Test func aReportSaysWhatHappenedWithWebLinksAsEvidence() {
        #expect(MarketingConcernReport.parse(description: " ", links: nil).1 == [FieldError("description", .required)])
        #expect(MarketingConcernReport.parse(description: "Demoed a paid tool", links: "ftp://x").1 == [FieldError("links", .invalidURL)])
        let (report, errors) = MarketingConcernReport.parse(description: "Sent a price list", links: "https://example.org/a, https://example.org/b")
        #expect(errors.isEmpty && report.links.count == 2)
    }

    @Test func aDecisionIsAnOutcomeWithText() {
        #expect(MarketingConcernDecision.parse(outcome: "open", text: "x").1 == [FieldError("outcome", .invalidChoice)])
        #expect(MarketingConcernDecision.parse(outcome: "warning", text: "").1 == [FieldError("text", .required)])
        #expect(MarketingConcernDecision.parse(outcome: "cancelled", text: "Repeated sales pitches.").0?.outcome == .cancelled)
    }
}
