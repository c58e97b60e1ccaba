import Testing
@testable import BeneficialOwnership

struct LegalEntityIdentifierTests {
    @Test func acceptsPublishedIdentifiers() {
        // GLEIF's own LEI and one of a listed company, as published in GLEIF's register.
        #expect(LegalEntityIdentifier("506700GE1G29325QX363") != nil)
        #expect(LegalEntityIdentifier("HWUPKR0MPOU8FGXBT394") != nil)
        #expect(LegalEntityIdentifier(" hwupkr0mpou8fgxbt394 ")?.value == "HWUPKR0MPOU8FGXBT394")
    }

    @Test func refusesAnyChangedCharacter() {
        let valid = Array("506700GE1G29325QX363")
        for position in valid.indices {
            var changed = valid
            changed[position] = changed[position] == "7" ? "8" : "7"
            #expect(LegalEntityIdentifier(String(changed)) == nil, "position \(position)")
        }
    }

    @Test func refusesWrongShapes() {
        #expect(LegalEntityIdentifier("506700GE1G29325QX36") == nil)
        #expect(LegalEntityIdentifier("506700GE1G29325QX3633") == nil)
        #expect(LegalEntityIdentifier("506700GE1G29325QX3-3") == nil)
        #expect(LegalEntityIdentifier("506700GE1G29325QX3A3") == nil)
    }

    @Test func computesCheckDigits() {
        #expect(LegalEntityIdentifier.checkDigits(for: "506700GE1G29325QX3") == "63")
        #expect(LegalEntityIdentifier.checkDigits(for: "HWUPKR0MPOU8FGXBT3") == "94")
        #expect(LegalEntityIdentifier.checkDigits(for: "SHORT") == nil)
        for prefix in ["5493001KJTIIGC8Y1R", "0000000000000000AA", "ZZZZZZZZZZZZZZZZZZ"] {
            let digits = try? #require(LegalEntityIdentifier.checkDigits(for: prefix))
            #expect(LegalEntityIdentifier(prefix + (digits ?? "")) != nil)
        }
    }
}
