import Foundation

/// The facts behind a match's scores, in the terms both parties understand: which wanted skills the expert brings
/// and at what level, the languages they share, whether the expert knows the country, how the periods overlap.
public struct MatchExplanation: Sendable, Equatable {
    public struct NeedSide: Sendable {
        public var requiredSkills: [String]
        public var preferredSkills: [String]
        public var languages: [String]
        public var country: String
        public var start: Date?
        public var durationMonths: Int
        public var fields: [ExperienceField]
        public var sector: WorkSector?

        public init(requiredSkills: [String], preferredSkills: [String], languages: [String], country: String, start: Date?,
                    durationMonths: Int, fields: [ExperienceField] = [], sector: WorkSector? = nil) {
            self.requiredSkills = requiredSkills
            self.preferredSkills = preferredSkills
            self.languages = languages
            self.country = country
            self.start = start
            self.durationMonths = durationMonths
            self.fields = fields
            self.sector = sector
        }
    }

    public struct ExpertSide: Sendable {
        public var skills: [SkillLevel]
        public var languages: [SpokenLanguage]
        public var countries: [String]
        public var availableFrom: Date?
        public var availableUntil: Date?
        public var years: Int
        public var fields: Set<ExperienceField>
        public var regions: Set<WorldRegion>
        public var sectors: Set<WorkSector>

        /// `countries` are where the expert lives and has worked; `regions` those they name besides.
        public init(skills: [SkillLevel], languages: [SpokenLanguage], countries: [String], availableFrom: Date?, availableUntil: Date?,
                    years: Int, fields: Set<ExperienceField> = [], regions: Set<WorldRegion> = [], sectors: Set<WorkSector> = []) {
            self.skills = skills
            self.languages = languages
            self.countries = countries
            self.availableFrom = availableFrom
            self.availableUntil = availableUntil
            self.years = years
            self.fields = fields
            self.regions = regions
            self.sectors = sectors
        }
    }

    public struct SkillLevel: Sendable, Equatable {
        public let skill: String
        public let level: Int

        public init(skill: String, level: Int) {
            self.skill = skill
            self.level = level
        }
    }

    public struct SpokenLanguage: Sendable, Equatable {
        public let code: String
        public let level: LanguageLevel

        public init(code: String, level: LanguageLevel) {
            self.code = code
            self.level = level
        }
    }

    public let requiredCovered: [SkillLevel]
    public let requiredMissing: [String]
    public let preferredCovered: [SkillLevel]
    public let sharedLanguages: [SpokenLanguage]
    public let knowsCountry: Bool
    /// The need's region, when the expert knows it through another country or by naming it.
    public let knownRegion: WorldRegion?
    /// Wanted fields of experience the expert has.
    public let sharedFields: [ExperienceField]
    public let missingFields: [ExperienceField]
    /// Whether the expert has worked in the need's sector; nil when the need names none.
    public let knowsSector: Bool?
    /// Days both are available, of the need's period.
    public let overlapDays: Int
    public let periodDays: Int
    public let years: Int

    /// The need's period is its preferred start plus its duration, counting a month as 30 days as the ranker does.
    public init(need: NeedSide, expert: ExpertSide) {
        let levels = Dictionary(expert.skills.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        requiredCovered = need.requiredSkills.compactMap { id in levels[id].map { SkillLevel(skill: id, level: $0) } }
        requiredMissing = need.requiredSkills.filter { levels[$0] == nil }
        preferredCovered = need.preferredSkills.compactMap { id in levels[id].map { SkillLevel(skill: id, level: $0) } }
        sharedLanguages = expert.languages.filter { need.languages.contains($0.code) }
        knowsCountry = expert.countries.contains(need.country)
        let region = CountryCode(need.country).flatMap(WorldRegion.of)
        let expertRegions = WorldRegion.known(named: expert.regions, countries: expert.countries)
        knownRegion = !knowsCountry ? region.flatMap { expertRegions.contains($0) ? $0 : nil } : nil
        sharedFields = need.fields.filter(expert.fields.contains)
        missingFields = need.fields.filter { !expert.fields.contains($0) }
        knowsSector = need.sector.map(expert.sectors.contains)
        periodDays = 30 * need.durationMonths
        let day = 86_400.0
        let start = need.start ?? .distantPast
        let end = start.addingTimeInterval(Double(periodDays) * day)
        let from = max(start, expert.availableFrom ?? .distantFuture)
        let until = min(end, expert.availableUntil ?? .distantPast)
        overlapDays = need.start == nil ? 0 : max(0, Int((until.timeIntervalSince(from) / day).rounded(.down)))
        years = expert.years
    }
}
