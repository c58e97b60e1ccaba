import ExchangeCore
import Fluent
import Foundation

/// Ranks the programme's experts for one need with the pure ranker, translating stored profiles into its terms.
///
/// What the stored data can say today: skills and their levels, languages and levels, country of residence (taken as
/// the country the expert knows), availability, capacity and years. Regions, sectors and fields of experience wanted
/// by a need are not captured yet, so those criteria are left out of the score rather than guessed.
struct CandidateRankingService {
    let db: Database
    let taxonomy: SkillsTaxonomy
    var weights = MatchWeights.standard

    struct Result {
        let ranking: Ranking
        let profiles: [ExpertProfile]
    }

    static let countries = CountryCode.all.sorted()
    static let languages = LanguageCode.all.sorted()

    func rank(_ need: Need, top: Int = 20) async throws -> Result {
        let profiles = try await ExpertProfile.query(on: db).sort(\.$fullName).all()
        let skillIndex = Dictionary(uniqueKeysWithValues: taxonomy.skills.enumerated().map { ($0.element.id, Int32($0.offset)) })
        let countryIndex = Dictionary(uniqueKeysWithValues: Self.countries.enumerated().map { ($0.element, Int32($0.offset)) })
        let languageIndex = Dictionary(uniqueKeysWithValues: Self.languages.enumerated().map { ($0.element, UInt16($0.offset)) })
        let candidates = profiles.map { p in
            CandidateFeatures(
                eligible: p.status == .eligible,
                skills: p.skills.compactMap { skill in skillIndex[skill.id].map { ($0, UInt8(clamping: skill.level)) } },
                fields: 0, countriesWorked: countryIndex[p.country].map { [$0] } ?? [], regions: 0, sectors: 0,
                languages: p.languages.compactMap { language in languageIndex[language.code].map { ($0, language.level) } },
                availableFrom: Self.day(p.availableFrom) ?? Int32.max, availableUntil: Self.day(p.availableUntil) ?? Int32.min,
                openCapacity: UInt8(clamping: p.capacity ?? 0), years: UInt8(clamping: p.years ?? 0))
        }
        let draft = need.draft
        let organisation = try await need.$organisation.get(on: db)
        let start = Self.day(draft.preferredStart) ?? 0
        let criteria = NeedCriteria(
            requiredSkills: draft.requiredSkills.compactMap { skillIndex[$0] },
            preferredSkills: draft.preferredSkills.compactMap { skillIndex[$0] },
            fields: 0, country: countryIndex[organisation.country] ?? -1, region: 0, sector: nil,
            languages: draft.languages.compactMap { languageIndex[$0] },
            start: start, end: start + Int32(30 * draft.duration))
        var ranker = CandidateRanker(pool: CandidatePool(candidates, skillCount: taxonomy.skills.count, countryCount: Self.countries.count),
                                     weights: weights)
        return Result(ranking: ranker.rank(criteria, top: top), profiles: profiles)
    }

    static func day(_ date: Date?) -> Int32? {
        date.map { Int32(($0.timeIntervalSince1970 / 86_400).rounded(.down)) }
    }
}
