import BeneficialOwnership
import ExchangeCore
import Testing

/// A company's disclosure as its form sends it: blank rows ignored, every problem named at once, partial disclosure
/// only with a reason from BODS's codelist, and a person's protected details never in the public part.
struct SupplierDisclosureDraftTests {
    let today = CalendarDate(year: 2026, month: 12, day: 7)!

    func fields(_ draft: SupplierDisclosureDraft) -> [String] {
        do { _ = try draft.validate(today: today); return [] } catch { return error.errors.map(\.field) }
    }

    @Test func aCompleteDisclosureKeepsItsOwnersAndIgnoresBlankRows() throws {
        let draft = SupplierDisclosureDraft(completeness: "complete", owners: [
            .init(kind: "person", name: "Ana", shareMinimum: "30,5", shareMaximum: "45"), .init(),
            .init(kind: "entity", name: "Holding SA", controls: true, identifier: "XI-LEI-506700GE1G29325QX363"),
        ], declared: true)
        let valid = try draft.validate(today: today)
        #expect(valid.owners.count == 2)
        #expect(valid.owners[0].shareMinimum == 30.5)
        #expect(valid.owners[1].controls)
        #expect(valid.unspecified == nil)
    }

    @Test func everyProblemIsNamedAtOnce() {
        let draft = SupplierDisclosureDraft(completeness: "partial", owners: [
            .init(kind: "person", name: "", country: "XX", shareMinimum: "60", shareMaximum: "40", birthDate: "2990-01-01"),
            .init(kind: "robot", name: "R2"),
            .init(kind: "entity", name: "Shell Ltd", shareMinimum: "abc", identifier: "506700GE1G29325QX364"),
        ], reason: "because", declared: false)
        #expect(fields(draft) == ["owners.0.name", "owners.0.country", "owners.0.shareMaximum", "owners.0.birthDate", "owners.1.kind",
                                  "owners.1.shareMinimum", "owners.2.shareMinimum", "owners.2.shareMinimum", "owners.2.identifier", "reason", "declared"])
    }

    @Test func aPartialDisclosureNeedsACodelistReasonAndACompleteOneAnOwner() throws {
        #expect(fields(SupplierDisclosureDraft(completeness: "complete", declared: true)) == ["owners"])
        let partial = SupplierDisclosureDraft(completeness: "partial", reason: "interestedPartyExemptFromDisclosure",
                                              reasonDescription: "Court order", declared: true)
        #expect(try partial.validate(today: today).unspecified?.reason == "interestedPartyExemptFromDisclosure")
        #expect(fields(SupplierDisclosureDraft(completeness: "partial", declared: true)) == ["reason"])
        #expect(fields(SupplierDisclosureDraft(completeness: "both", declared: true)) == ["completeness"])
    }

    @Test func aPersonsProtectedDetailsAreNeverInThePublicPart() throws {
        let draft = SupplierDisclosureDraft(completeness: "complete", owners: [
            .init(kind: "person", name: "Ana", shareMinimum: "30", politicallyExposed: true, identifier: "12345678Z", birthDate: "1970-04-02",
                  address: "Calle Mayor 1"),
        ], declared: true)
        let owner = try #require(try draft.validate(today: today).owners.first)
        #expect(owner.birthDate == "1970-04-02")
        #expect(owner.publicPart.birthDate == nil)
        #expect(owner.publicPart.address == nil)
        #expect(owner.publicPart.identifier == nil)
        #expect(owner.publicPart.politicallyExposed)
    }
}
