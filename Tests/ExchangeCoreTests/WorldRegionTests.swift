import Testing
@testable import ExchangeCore

struct WorldRegionTests {
    @Test func countriesLieInTheirUNSubRegion() {
        #expect(WorldRegion.of(CountryCode("FR")!)?.code == "155")
        #expect(WorldRegion.of(CountryCode("KE")!)?.code == "014")
        #expect(WorldRegion.of(CountryCode("CO")!)?.code == "005")
        #expect(WorldRegion.of(CountryCode("MX")!)?.code == "013")
    }

    @Test func regionsFitTheRankersBitSetAndHaveNamesInEveryLanguage() {
        #expect(WorldRegion.all.count <= 32)
        #expect(WorldRegion.all == WorldRegion.all.sorted())
        #expect(WorldRegion("155")!.name(in: .fr) == "Europe de l’Ouest")
        #expect(WorldRegion("005")!.name(in: .es) == "Sudamérica")
        #expect(WorldRegion("Atlantis") == nil)
    }

    @Test func fieldsAndSectorsBecomeDistinctBits() {
        #expect(ExperienceField.bits([.antiCorruption, .audit]) == 0b1001)
        #expect(Set(WorkSector.allCases.map(\.bit)).count == WorkSector.allCases.count)
        #expect(WorldRegion.all.map(\.bit).reduce(0, |).nonzeroBitCount == WorldRegion.all.count)
    }
}
