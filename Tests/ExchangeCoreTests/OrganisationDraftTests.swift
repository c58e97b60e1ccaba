import Testing
@testable import ExchangeCore

struct OrganisationDraftTests {
    @Test func aCompletePublicBodyIsValid() throws {
        let draft = OrganisationDraft(
            kind: "public_body", name: " Fictional Integrity Office ", country: "fr",
            publicBodyType: "anti_corruption_agency", jurisdiction: "national",
            mandate: "Prevents corruption in a fictional republic.", workingLanguages: ["fr", "en", "fr"])
        let valid = try draft.validate().get()
        #expect(valid.name == "Fictional Integrity Office")
        #expect(valid.country.value == "FR")
        guard case .publicBody(_, _, _, _, let languages) = valid.details else {
            Issue.record("expected a public body")
            return
        }
        #expect(languages.map(\.value) == ["fr", "en"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let draft = OrganisationDraft(kind: "public_body", name: "", country: "Atlantis", publicBodyType: "spy_agency",
                                      workingLanguages: ["xx"])
        guard case .failure(let failure) = draft.validate() else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.errors.contains(FieldError("name", .required)))
        #expect(failure.errors.contains(FieldError("country", .invalidCountry)))
        #expect(failure.errors.contains(FieldError("publicBodyType", .invalidChoice)))
        #expect(failure.errors.contains(FieldError("jurisdiction", .required)))
        #expect(failure.errors.contains(FieldError("workingLanguages", .invalidLanguage)))
    }

    @Test func aCompanyNeedsASector() {
        let missing = OrganisationDraft(kind: "company", name: "Example Analytics Ltd", country: "GB")
        #expect((try? missing.validate().get()) == nil)
        let ok = OrganisationDraft(kind: "company", name: "Example Analytics Ltd", country: "GB", sector: "technology")
        #expect((try? ok.validate().get())?.kind == .company)
    }
}
