import Testing
@testable import ExchangeCore

struct CountryNormalizerTests {
    let normalizer = CountryNormalizer.shared

    func code(_ text: String) -> String? {
        if case .exact(let code) = normalizer.match(text) { return code.value }
        return nil
    }

    @Test(arguments: [
        ("FR", "FR"), ("fr", "FR"), ("France", "FR"), ("  france ", "FR"),
        ("United States", "US"), ("USA", "US"), ("U.S.A.", "US"), ("États-Unis", "US"), ("Estados Unidos", "US"),
        ("UK", "GB"), ("United Kingdom", "GB"), ("Royaume-Uni", "GB"), ("England", "GB"),
        ("Deutschland", "DE"), ("Allemagne", "DE"), ("Alemania", "DE"),
        ("Côte d'Ivoire", "CI"), ("Cote dIvoire", "CI"), ("Ivory Coast", "CI"),
        ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Việt Nam", "VN"),
        ("Kenia", "KE"), ("México", "MX"), ("Brasil", "BR"), ("España", "ES"),
        ("Trinidad & Tobago", "TT"), ("DRC", "CD"), ("Czech Republic", "CZ"), ("The Gambia", "GM"),
    ])
    func recognisesCodesNamesInManyLanguagesAndAliases(text: String, expected: String) {
        #expect(code(text) == expected, "\(text)")
    }

    @Test func correctsCloseMisspellingsAndSaysSo() {
        #expect(normalizer.match("Frnace") == .corrected(CountryCode("FR")!, from: "Frnace"))
        #expect(normalizer.match("Germny") == .corrected(CountryCode("DE")!, from: "Germny"))
        #expect(normalizer.match("Argentinna") == .corrected(CountryCode("AR")!, from: "Argentinna"))
    }

    @Test(arguments: ["Nairobi", "Lagos", "Mexico City", "Guatemala City", "Bogotá", "Europe", "Sub-Saharan Africa", "Atlantis", "N/A", "", "12345"])
    func flagsWhatIsNotACountryInsteadOfGuessing(text: String) {
        #expect(normalizer.match(text) == .notACountry, "\(text)")
    }

    @Test func asksAPersonWhenSeveralCountriesFit() {
        guard case .ambiguous(let codes) = normalizer.match("Congo") else {
            Issue.record("Congo is two countries")
            return
        }
        #expect(Set(codes.map(\.value)) == ["CD", "CG"])
        guard case .ambiguous(let koreas) = normalizer.match("Korea") else {
            Issue.record("Korea is two countries")
            return
        }
        #expect(Set(koreas.map(\.value)) == ["KR", "KP"])
        #expect(normalizer.match("Guinea") == .ambiguous(["GN", "GQ", "GW"].compactMap(CountryCode.init)),
                "Guinea, Equatorial Guinea and Guinea-Bissau are all written 'Guinea' in rosters")
    }

    @Test func editDistanceCountsTranspositionsOnce() {
        #expect(CountryNormalizer.editDistance(Array("france"), Array("frnace"), limit: 3) == 1)
        #expect(CountryNormalizer.editDistance(Array("kenya"), Array("keyna"), limit: 3) == 1)
        #expect(CountryNormalizer.editDistance(Array("abc"), Array("xyz"), limit: 1) == 2)
    }
}

extension CountryNormalizerTests {
    @Test func aCountrysOwnNameInThePlatformLanguagesStaysExact() {
        #expect(code("Niger") == "NE")
        #expect(code("Nigeria") == "NG")
        #expect(code("South Sudan") == "SS")
        #expect(code("Sudan") == "SD")
    }
}
