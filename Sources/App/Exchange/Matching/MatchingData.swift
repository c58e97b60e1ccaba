import ExchangeCore
import Fluent
import Foundation

/// The programme's experts and needs in the ranker's terms: small integer ids for skills, countries and languages,
/// and each expert's open places (capacity minus engagements under way).
/// An expert knows the countries they live and have worked in, and the regions of those countries besides the ones
/// they name. A need's region is its body's country's; its fields and sector are what the body hopes for.
struct MatchingData: Sendable {
    let profiles: [ExpertProfile]
    let pool: CandidatePool
    let openPlaces: [Int32]
    private let profileIndex: [UUID: Int32]
    private let skillIndex: [String: Int32]
    private let countryIndex: [String: Int32]
    private let languageIndex: [String: UInt16]

    static let countries = CountryCode.all.sorted()
    static let languages = LanguageCode.all.sorted()

    static func load(on db: Database, taxonomy: SkillsTaxonomy) async throws -> MatchingData {
        let profiles = try await ExpertProfile.query(on: db).sort(\.$fullName).sort(\.$id).all()
        let occupied = try await Engagement.query(on: db).filter(\.$stage ~~ EngagementStage.occupying).all(\.$expert.$id)
        let taken = occupied.reduce(into: [UUID: Int]()) { $0[$1, default: 0] += 1 }
        return MatchingData(profiles: profiles, taken: taken, taxonomy: taxonomy)
    }

    private init(profiles: [ExpertProfile], taken: [UUID: Int], taxonomy: SkillsTaxonomy) {
        self.profiles = profiles
        profileIndex = Dictionary(uniqueKeysWithValues: profiles.enumerated().map { ($0.element.id!, Int32($0.offset)) })
        skillIndex = Dictionary(uniqueKeysWithValues: taxonomy.skills.enumerated().map { ($0.element.id, Int32($0.offset)) })
        countryIndex = Dictionary(uniqueKeysWithValues: Self.countries.enumerated().map { ($0.element, Int32($0.offset)) })
        languageIndex = Dictionary(uniqueKeysWithValues: Self.languages.enumerated().map { ($0.element, UInt16($0.offset)) })
        openPlaces = profiles.map { Int32(max(0, ($0.capacity ?? 0) - taken[$0.id!, default: 0])) }
        let candidates = zip(profiles, openPlaces).map { [skillIndex, countryIndex, languageIndex] p, open in
            CandidateFeatures(
                eligible: p.status == .eligible,
                skills: p.skills.compactMap { skill in skillIndex[skill.id].map { ($0, UInt8(clamping: skill.level)) } },
                fields: ExperienceField.bits(p.experienceFields), countriesWorked: p.knownCountries.compactMap { countryIndex[$0] },
                regions: WorldRegion.known(named: p.regionsWorked, countries: p.knownCountries).reduce(0) { $0 | $1.bit }, sectors: p.sectors.reduce(0) { $0 | $1.bit },
                languages: p.languages.compactMap { language in languageIndex[language.code].map { ($0, language.level) } },
                availableFrom: Self.day(p.availableFrom) ?? Int32.max, availableUntil: Self.day(p.availableUntil) ?? Int32.min,
                openCapacity: UInt8(clamping: open), years: UInt8(clamping: p.years ?? 0))
        }
        pool = CandidatePool(candidates, skillCount: taxonomy.skills.count, countryCount: Self.countries.count)
    }

    func criteria(for need: Need, country: String) -> NeedCriteria {
        let draft = need.draft
        let start = Self.day(draft.preferredStart) ?? 0
        return NeedCriteria(
            requiredSkills: draft.requiredSkills.compactMap { skillIndex[$0] },
            preferredSkills: draft.preferredSkills.compactMap { skillIndex[$0] },
            fields: ExperienceField.bits(draft.experienceFields), country: countryIndex[country] ?? -1,
            region: CountryCode(country).flatMap(WorldRegion.of).map { UInt8($0.index) } ?? WorldRegion.none,
            sector: draft.workSector.map { UInt8(WorkSector.allCases.firstIndex(of: $0)!) },
            languages: draft.languages.compactMap { languageIndex[$0] },
            start: start, end: start + Int32(30 * draft.duration))
    }

    func index(of profileID: UUID) -> Int32? {
        profileIndex[profileID]
    }

    static func day(_ date: Date?) -> Int32? {
        date.map { Int32(($0.timeIntervalSince1970 / 86_400).rounded(.down)) }
    }
}

/// Ranks the programme's experts for one need with the programme's weights.
struct CandidateRankingService {
    let db: Database
    let taxonomy: SkillsTaxonomy

    struct Result {
        let ranking: Ranking
        let profiles: [ExpertProfile]
    }

    func rank(_ need: Need, top: Int = 20) async throws -> Result {
        let data = try await MatchingData.load(on: db, taxonomy: taxonomy)
        let settings = try await ProgrammeSettings(db: db).matching()
        let organisation = try await need.$organisation.get(on: db)
        var ranker = CandidateRanker(pool: data.pool, weights: settings.weights)
        return Result(ranking: ranker.rank(data.criteria(for: need, country: organisation.country), top: top), profiles: data.profiles)
    }
}
