import Foundation
import Testing
@testable import ExchangeCore

struct AccessPolicyTests {
    let orgA = UUID(uuidString: "00000000-0000-4000-8000-00000000000A")!
    let orgB = UUID(uuidString: "00000000-0000-4000-8000-00000000000B")!

    func principal(_ role: Role, org: UUID? = nil, id: Int = 1) -> Principal {
        Principal(userID: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", id))!, role: role, organisationID: org)
    }

    @Test func membersSeeTheirOwnOrganisationButNotAnother() {
        let member = principal(.publicParticipant, org: orgA)
        #expect(AccessPolicy.decide(member, .read, .organisation(id: orgA)) == .allow)
        #expect(AccessPolicy.decide(member, .update, .organisation(id: orgA)) == .allow)
        #expect(AccessPolicy.decide(member, .read, .organisation(id: orgB)) == .hide)
        #expect(AccessPolicy.decide(member, .update, .organisation(id: orgB)) == .hide)
        #expect(AccessPolicy.decide(member, .list, .organisationDirectory) == .forbid)
    }

    @Test func ledgerKeysAreManagedByTheOrganisationsOwnPeopleAndStaff() {
        #expect(AccessPolicy.decide(principal(.expert, org: orgA), .create, .ledgerKeys(organisationID: orgA)) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .update, .ledgerKeys(organisationID: orgA)) == .allow)
        #expect(AccessPolicy.decide(principal(.expert, org: orgB), .create, .ledgerKeys(organisationID: orgA)) == .forbid)
        #expect(AccessPolicy.decide(principal(.analyst), .create, .ledgerKeys(organisationID: orgA)) == .forbid)
        #expect(AccessPolicy.decide(principal(.coordinator), .update, .ledgerKeys(organisationID: orgA)) == .allow)
        #expect(AccessPolicy.decide(principal(.administrator), .create, .ledgerWitnesses) == .allow)
        #expect(AccessPolicy.decide(principal(.coordinator), .create, .ledgerWitnesses) == .forbid)
    }

    @Test func aCompanysDisclosureIsDeclaredByItsOwnPeopleAndReadByStaff() {
        #expect(AccessPolicy.decide(principal(.expert, org: orgA), .create, .supplierDisclosure(organisationID: orgA)) == .allow)
        #expect(AccessPolicy.decide(principal(.expert, org: orgB), .read, .supplierDisclosure(organisationID: orgA)) == .hide)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .read, .supplierDisclosure(organisationID: orgA)) == .hide)
        #expect(AccessPolicy.decide(principal(.coordinator), .read, .supplierDisclosure(organisationID: orgA)) == .allow)
        #expect(AccessPolicy.decide(principal(.coordinator), .create, .supplierDisclosure(organisationID: orgA)) == .hide)
        #expect(AccessPolicy.decide(principal(.analyst), .read, .supplierDisclosure(organisationID: orgA)) == .hide)
    }

    @Test func onlyThePartiesAndStaffSeeAMatch() {
        let expert = principal(.expert, id: 7)
        let match = ProtectedObject.engagement(needOrganisationID: orgA, expertUserID: expert.userID)
        #expect(AccessPolicy.decide(expert, .read, match) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .read, match) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgB), .read, match) == .hide)
        #expect(AccessPolicy.decide(principal(.expert, id: 8), .read, match) == .hide)
        #expect(AccessPolicy.decide(principal(.analyst), .read, match) == .hide)
        #expect(AccessPolicy.decide(principal(.evaluator), .read, match) == .allow)
        #expect(AccessPolicy.decide(principal(.coordinator), .read, match) == .allow)
        #expect(AccessPolicy.decide(expert, .update, match) == .forbid, "parties cannot change a match here")
        #expect(AccessPolicy.decide(expert, .read, .matchingBoard) == .forbid)
        for role in Role.allCases {
            #expect(AccessPolicy.decide(principal(role), .list, .skillsTaxonomy) == .allow)
            #expect(AccessPolicy.decide(principal(role), .create, .skillsTaxonomy) == (role == .administrator ? .allow : .forbid))
            #expect(AccessPolicy.decide(principal(role), .update, .skillsTaxonomy) == (role == .administrator ? .allow : .forbid))
        }
        #expect(AccessPolicy.decide(expert, .update, .opportunities) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .list, .opportunities) == .forbid)
    }

    @Test func dueDiligenceIsForStaffAndEachPartyFilesOnlyItsOwnDeclaration() {
        let expert = principal(.expert, id: 7)
        let review = ProtectedObject.dueDiligence(needOrganisationID: orgA, expertUserID: expert.userID)
        let declaration = ProtectedObject.conflictDeclaration(needOrganisationID: orgA, expertUserID: expert.userID)
        #expect(AccessPolicy.decide(principal(.coordinator), .update, review) == .allow)
        #expect(AccessPolicy.decide(expert, .read, review) == .forbid)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .read, review) == .forbid)
        #expect(AccessPolicy.decide(principal(.evaluator), .read, review) == .hide)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgB), .read, review) == .hide)
        #expect(AccessPolicy.decide(expert, .update, declaration) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .update, declaration) == .allow)
        #expect(AccessPolicy.decide(principal(.expert, id: 8), .update, declaration) == .hide)
        #expect(AccessPolicy.decide(principal(.coordinator), .read, declaration) == .allow)
        #expect(AccessPolicy.decide(principal(.coordinator), .update, declaration) == .hide, "nobody declares for a party")
    }

    @Test func eitherPartyReportsAMarketingConcernButOnlyStaffReadIt() {
        let expert = principal(.expert, id: 7)
        let concern = ProtectedObject.marketingConcern(needOrganisationID: orgA, expertUserID: expert.userID)
        #expect(AccessPolicy.decide(expert, .create, concern) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .create, concern) == .allow)
        #expect(AccessPolicy.decide(expert, .read, concern) == .forbid)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgB), .create, concern) == .hide)
        #expect(AccessPolicy.decide(principal(.evaluator), .read, concern) == .hide)
        #expect(AccessPolicy.decide(principal(.coordinator), .decide, concern) == .allow)
    }

    @Test func staffAndBothPartiesDraftAndSignTheTermsAndEvaluatorsReadThem() {
        let expert = principal(.expert, id: 7)
        let terms = ProtectedObject.termsOfReference(needOrganisationID: orgA, expertUserID: expert.userID)
        #expect(AccessPolicy.decide(expert, .update, terms) == .allow)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgA), .update, terms) == .allow)
        #expect(AccessPolicy.decide(principal(.coordinator), .update, terms) == .allow)
        #expect(AccessPolicy.decide(principal(.evaluator), .read, terms) == .allow)
        #expect(AccessPolicy.decide(principal(.evaluator), .update, terms) == .forbid)
        #expect(AccessPolicy.decide(principal(.publicParticipant, org: orgB), .read, terms) == .hide)
        #expect(AccessPolicy.decide(principal(.analyst), .read, terms) == .hide)
    }

    @Test func openDataForScreeningIsImportedByStaffAndAnalystsOnly() {
        for role in [Role.coordinator, .administrator, .analyst] {
            #expect(AccessPolicy.decide(principal(role), .create, .conflictData) == .allow)
        }
        for role in [Role.expert, .publicParticipant, .evaluator] {
            #expect(AccessPolicy.decide(principal(role, org: orgA), .list, .conflictData) == .forbid)
        }
    }

    @Test func redFlagRunsAreForAnalystsAndProgrammeStaffOnly() {
        for role in [Role.coordinator, .administrator, .analyst] {
            #expect(AccessPolicy.decide(principal(role), .create, .redFlags) == .allow)
            #expect(AccessPolicy.decide(principal(role), .read, .redFlags) == .allow)
        }
        for role in [Role.expert, .publicParticipant, .evaluator] {
            #expect(AccessPolicy.decide(principal(role, org: orgA), .read, .redFlags) == .forbid)
            #expect(AccessPolicy.decide(principal(role, org: orgA), .create, .redFlags) == .forbid)
        }
    }

    @Test func programmeStaffManageEverything() {
        for role in [Role.coordinator, .administrator] {
            let staff = principal(role)
            #expect(AccessPolicy.decide(staff, .update, .organisation(id: orgB)) == .allow)
            #expect(AccessPolicy.decide(staff, .create, .organisationDirectory) == .allow)
            #expect(AccessPolicy.decide(staff, .decide, .registrations) == .allow)
            #expect(AccessPolicy.decide(staff, .read, .auditLog) == .allow)
        }
    }

    @Test func analystsAndEvaluatorsReadButDoNotChangeOrganisations() {
        for role in [Role.analyst, .evaluator] {
            let reader = principal(role)
            #expect(AccessPolicy.decide(reader, .read, .organisation(id: orgA)) == .allow)
            #expect(AccessPolicy.decide(reader, .update, .organisation(id: orgA)) == .forbid)
            #expect(AccessPolicy.decide(reader, .create, .organisationDirectory) == .forbid)
            #expect(AccessPolicy.decide(reader, .read, .auditLog) == .forbid)
        }
    }

    @Test func personalObjectsAreHiddenFromOthers() {
        let owner = principal(.expert, id: 1)
        let other = principal(.coordinator, id: 2)
        #expect(AccessPolicy.decide(owner, .read, .notification(ownerID: owner.userID)) == .allow)
        #expect(AccessPolicy.decide(other, .read, .notification(ownerID: owner.userID)) == .hide)
        #expect(AccessPolicy.decide(other, .update, .apiToken(ownerID: owner.userID)) == .hide)
        #expect(AccessPolicy.decide(principal(.expert, id: 3), .read, .account(id: owner.userID, organisationID: nil)) == .hide)
    }

    @Test func onlyAdministratorsReadTheOutbox() {
        for role in Role.allCases {
            let expected: AccessDecision = role == .administrator ? .allow : .forbid
            #expect(AccessPolicy.decide(principal(role), .list, .mailOutbox) == expected)
            #expect(AccessPolicy.decide(principal(role), .list, .jobQueue) == expected)
            #expect(AccessPolicy.decide(principal(role), .update, .jobQueue) == expected)
        }
    }

    @Test func routeRulesDenyWithoutARole() {
        #expect(RouteAccess.open.evaluate(nil) == .allowed)
        #expect(RouteAccess.signedIn.evaluate(nil) == .needsSignIn)
        #expect(RouteAccess.programmeStaff.evaluate(principal(.expert)) == .forbidden)
        #expect(RouteAccess.programmeStaff.evaluate(principal(.coordinator)) == .allowed)
    }
}
