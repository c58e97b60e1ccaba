import Foundation
import Testing
@testable import ExchangeCore

struct MatchingEncodingTests {
    let taxonomy = try! SkillsTaxonomy.decode(Data(contentsOf: SkillsTaxonomyTests.file))

    func expert(skills: [(id: String, level: Int)] = [("ocds", 3)], countries: [String] = ["FR", "KE"], open: Int = 1) -> ExpertFacts {
        ExpertFacts(eligible: true, skills: skills, fields: [.audit], knownCountries: countries, regionsWorked: [], sectors: [.publicAdministration],
                    languages: [(code: "fr", level: .native)], availableFrom: Date(timeIntervalSince1970: 86_400 * 10),
                    availableUntil: Date(timeIntervalSince1970: 86_400 * 400), openPlaces: open, years: 300)
    }

    @Test func expertsAreEncodedWithTheirDaysCountriesAndRegions() {
        let encoding = MatchingEncoding(experts: [expert(), expert(skills: [("telepathy", 3)], countries: [], open: 900)], taxonomy: taxonomy)
        #expect(encoding.pool.count == 2)
        #expect(encoding.pool.window[0].availableFrom == 10 && encoding.pool.window[0].availableUntil == 400)
        let regions = encoding.pool.background[0].regions
        #expect(regions == WorldRegion.known(named: [], countries: ["FR", "KE"]).reduce(0) { $0 | $1.bit }, "the regions of the countries known")
        #expect(regions != 0)
        #expect(encoding.pool.background[0].years == 255, "years are clamped to a byte")
        #expect(MatchingEncoding.day(Date(timeIntervalSince1970: 86_400 * 2 - 1)) == 1)
        #expect(MatchingEncoding.day(nil) == nil)
    }

    @Test func aNeedIsEncodedWithItsBodysCountryAndPeriod() {
        let encoding = MatchingEncoding(experts: [expert()], taxonomy: taxonomy)
        let need = NeedDetails(scope: NeedScope(requiredSkills: ["ocds", "telepathy"], languages: ["fr", "xx"], fields: [.audit]),
                               preferredStart: Date(timeIntervalSince1970: 86_400 * 100), durationMonths: 4, sector: .publicAdministration)
        let criteria = encoding.criteria(for: need, country: "ES")
        #expect(criteria.requiredSkills == [Int32(taxonomy.skills.firstIndex { $0.id == "ocds" }!)], "unknown skills are left out")
        #expect(criteria.country == Int32(MatchingEncoding.countries.firstIndex(of: "ES")!))
        #expect(criteria.region == UInt8(WorldRegion.of(CountryCode("ES")!)!.index))
        #expect(criteria.languages == [UInt16(MatchingEncoding.languages.firstIndex(of: "fr")!)])
        #expect(criteria.fields == ExperienceField.bits([.audit]))
        #expect(criteria.sector == UInt8(WorkSector.allCases.firstIndex(of: .publicAdministration)!))
        #expect((criteria.start, criteria.end) == (100, 100 + 120))
        #expect(encoding.criteria(for: need, country: "ZZ").country == -1, "a country the encoding does not know matches nobody's")
    }
}
