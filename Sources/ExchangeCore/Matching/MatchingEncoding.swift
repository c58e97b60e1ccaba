import Foundation

/// An expert as the ranker weighs them, in plain values.
public struct ExpertFacts: Sendable {
    public var eligible: Bool
    public var skills: [(id: String, level: Int)]
    public var fields: Set<ExperienceField>
    /// Residence first, then the countries worked in.
    public var knownCountries: [String]
    public var regionsWorked: Set<WorldRegion>
    public var sectors: Set<WorkSector>
    public var languages: [(code: String, level: LanguageLevel)]
    public var availableFrom: Date?
    public var availableUntil: Date?
    /// Places left: capacity less the engagements under way.
    public var openPlaces: Int
    public var years: Int?

    public init(eligible: Bool, skills: [(id: String, level: Int)], fields: Set<ExperienceField>, knownCountries: [String],
                regionsWorked: Set<WorldRegion>, sectors: Set<WorkSector>, languages: [(code: String, level: LanguageLevel)],
                availableFrom: Date?, availableUntil: Date?, openPlaces: Int, years: Int?) {
        self.eligible = eligible
        self.skills = skills
        self.fields = fields
        self.knownCountries = knownCountries
        self.regionsWorked = regionsWorked
        self.sectors = sectors
        self.languages = languages
        self.availableFrom = availableFrom
        self.availableUntil = availableUntil
        self.openPlaces = openPlaces
        self.years = years
    }
}

/// Experts and needs in the ranker's terms: small integer ids for skills (the taxonomy's order), countries and
/// languages (sorted codes). An expert knows the countries they live and have worked in, and the regions of those
/// countries besides the ones they name. A need's region is its body's country's; its fields and sector are what
/// the body hopes for; its period runs from its preferred start for 30 days a month.
public struct MatchingEncoding: Sendable {
    public let pool: CandidatePool
    private let skillIndex: [String: Int32]
    private let countryIndex: [String: Int32]
    private let languageIndex: [String: UInt16]

    public static let countries = CountryCode.all.sorted()
    public static let languages = LanguageCode.all.sorted()

    public init(experts: [ExpertFacts], taxonomy: SkillsTaxonomy) {
        let skillIndex = Dictionary(uniqueKeysWithValues: taxonomy.skills.enumerated().map { ($0.element.id, Int32($0.offset)) })
        let countryIndex = Dictionary(uniqueKeysWithValues: Self.countries.enumerated().map { ($0.element, Int32($0.offset)) })
        let languageIndex = Dictionary(uniqueKeysWithValues: Self.languages.enumerated().map { ($0.element, UInt16($0.offset)) })
        let candidates = experts.map { e in
            CandidateFeatures(
                eligible: e.eligible,
                skills: e.skills.compactMap { skill in skillIndex[skill.id].map { ($0, UInt8(clamping: skill.level)) } },
                fields: ExperienceField.bits(e.fields), countriesWorked: e.knownCountries.compactMap { countryIndex[$0] },
                regions: WorldRegion.known(named: e.regionsWorked, countries: e.knownCountries).reduce(0) { $0 | $1.bit },
                sectors: e.sectors.reduce(0) { $0 | $1.bit },
                languages: e.languages.compactMap { language in languageIndex[language.code].map { ($0, language.level) } },
                availableFrom: Self.day(e.availableFrom) ?? Int32.max, availableUntil: Self.day(e.availableUntil) ?? Int32.min,
                openCapacity: UInt8(clamping: e.openPlaces), years: UInt8(clamping: e.years ?? 0))
        }
        pool = CandidatePool(candidates, skillCount: taxonomy.skills.count, countryCount: Self.countries.count)
        (self.skillIndex, self.countryIndex, self.languageIndex) = (skillIndex, countryIndex, languageIndex)
    }

    /// What `need`, from a body in `country`, asks of an expert.
    public func criteria(for need: NeedDetails, country: String) -> NeedCriteria {
        let start = Self.day(need.preferredStart) ?? 0
        return NeedCriteria(
            requiredSkills: need.scope.requiredSkills.compactMap { skillIndex[$0] },
            preferredSkills: need.scope.preferredSkills.compactMap { skillIndex[$0] },
            fields: ExperienceField.bits(need.scope.fields), country: countryIndex[country] ?? -1,
            region: CountryCode(country).flatMap(WorldRegion.of).map { UInt8($0.index) } ?? WorldRegion.none,
            sector: need.sector.map { UInt8(WorkSector.allCases.firstIndex(of: $0)!) },
            languages: need.scope.languages.compactMap { languageIndex[$0] },
            start: start, end: start + Int32(30 * need.duration))
    }

    /// Days since 1970-01-01 (UTC), the ranker's unit of time.
    public static func day(_ date: Date?) -> Int32? {
        date.map { Int32(($0.timeIntervalSince1970 / 86_400).rounded(.down)) }
    }
}
