import ExchangeCore
import Fluent
import Foundation

/// The programme's experts, read from the database and encoded for the ranker (`MatchingEncoding`), with each
/// expert's open places (capacity minus engagements under way).
struct MatchingData: Sendable {
    let profiles: [ExpertProfile]
    let encoding: MatchingEncoding
    let openPlaces: [Int32]
    private let profileIndex: [UUID: Int32]

    var pool: CandidatePool { encoding.pool }

    static func load(on db: Database, taxonomy: SkillsTaxonomy) async throws -> MatchingData {
        let profiles = try await ExpertProfile.query(on: db).sort(\.$fullName).sort(\.$id).all()
        let occupied = try await Engagement.query(on: db).filter(\.$stage ~~ EngagementStage.occupying).all(\.$expert.$id)
        let taken = occupied.reduce(into: [UUID: Int]()) { $0[$1, default: 0] += 1 }
        return try MatchingData(profiles: profiles, taken: taken, taxonomy: taxonomy)
    }

    private init(profiles: [ExpertProfile], taken: [UUID: Int], taxonomy: SkillsTaxonomy) throws {
        self.profiles = profiles
        profileIndex = try Dictionary(uniqueKeysWithValues: profiles.enumerated().map { (try $0.element.requireID(), Int32($0.offset)) })
        let open = try profiles.map { max(0, ($0.capacity ?? 0) - taken[try $0.requireID(), default: 0]) }
        openPlaces = open.map(Int32.init)
        encoding = MatchingEncoding(experts: zip(profiles, open).map { $0.facts(openPlaces: $1) }, taxonomy: taxonomy)
    }

    func criteria(for need: Need, country: String) -> NeedCriteria {
        encoding.criteria(for: need.details, country: country)
    }

    func index(of profileID: UUID) -> Int32? {
        profileIndex[profileID]
    }
}

extension ExpertProfile {
    /// The profile as the ranker weighs it.
    func facts(openPlaces: Int) -> ExpertFacts {
        ExpertFacts(eligible: status == .eligible, skills: skills, fields: experienceFields, knownCountries: knownCountries,
                    regionsWorked: regionsWorked, sectors: sectors, languages: languages, availableFrom: availableFrom,
                    availableUntil: availableUntil, openPlaces: openPlaces, years: years)
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
