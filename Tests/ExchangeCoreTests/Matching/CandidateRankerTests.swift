import Foundation
import Testing
@testable import ExchangeCore

struct CandidateRankerTests {
    let need = NeedCriteria(requiredSkills: [1], preferredSkills: [2], fields: 0b11, country: 7, region: 2, sector: 1,
                            languages: [0, 5], start: 100, end: 190)

    func candidate(eligible: Bool = true, skills: [(skill: Int32, level: UInt8)] = [(1, 3), (2, 1)], languages: [(language: UInt16, level: LanguageLevel)] = [(0, .native)],
                   from: Int32 = 0, until: Int32 = 1000, capacity: UInt8 = 1, countries: [Int32] = [7], years: UInt8 = 5) -> CandidateFeatures {
        CandidateFeatures(eligible: eligible, skills: skills, fields: 0b01, countriesWorked: countries, regions: 1 << 2, sectors: 1 << 1,
                          languages: languages, availableFrom: from, availableUntil: until, openCapacity: capacity, years: years)
    }

    @Test func scoresAndExplainsEachCriterion() throws {
        var ranker = CandidateRanker(pool: CandidatePool([candidate()], skillCount: 10, countryCount: 10))
        let ranking = ranker.rank(need, top: 5)
        let top = try #require(ranking.candidates.first)
        #expect(abs(top.breakdown[.skills]! - 7.0 / 9.0) < 1e-12)
        #expect(top.breakdown[.fields] == 0.5)
        #expect(top.breakdown[.region] == 1)
        #expect(top.breakdown[.sector] == 1)
        #expect(top.breakdown[.language] == 1)
        #expect(top.breakdown[.availability] == 1)
        #expect(top.breakdown[.experience] == 0.5)
        let expected = 0.35 * 7 / 9 + 0.10 * 0.5 + 0.15 + 0.10 + 0.10 + 0.10 + 0.10 * 0.5
        #expect(abs(top.score - expected) < 1e-12)
    }

    @Test func partialAvailabilityRegionAndLanguageLevels() throws {
        let someone = candidate(languages: [(3, .native), (5, .working)], from: 145, countries: [9])
        var ranker = CandidateRanker(pool: CandidatePool([someone], skillCount: 10, countryCount: 10))
        let top = try #require(ranker.rank(need, top: 1).candidates.first)
        #expect(top.breakdown[.availability] == 0.5)
        #expect(top.breakdown[.region] == 0.5, "same region, other country")
        #expect(abs(top.breakdown[.language]! - 1.0 / 3.0) < 1e-12, "only the shared language counts")
    }

    @Test func everyHardFilterIsCountedWithItsReason() {
        let pool = CandidatePool([
            candidate(),
            candidate(eligible: false),
            candidate(languages: [(9, .native)]),
            candidate(from: 190),
            candidate(capacity: 0),
            candidate(),
            candidate(skills: [(4, 3)]),
        ], skillCount: 10, countryCount: 10)
        var ranker = CandidateRanker(pool: pool)
        let ranking = ranker.rank(need, top: 10, conflicts: [5])
        #expect(ranking.candidates.map(\.candidate) == [0])
        #expect(ranking.excluded == [.noMatchingSkill: 1, .notEligible: 1, .noSharedLanguage: 1, .unavailable: 1,
                                     .atCapacity: 1, .conflictOfInterest: 1])
        #expect(ranking.considered == 7)
    }

    @Test func weightsChangeTheOrder() {
        let experienced = candidate(skills: [(1, 1)], years: 10)
        let skilled = candidate(skills: [(1, 3), (2, 3)], years: 0)
        var bySkill = CandidateRanker(pool: CandidatePool([experienced, skilled], skillCount: 10, countryCount: 10))
        #expect(bySkill.rank(need, top: 2).candidates.map(\.candidate) == [1, 0])
        var byYears = CandidateRanker(pool: CandidatePool([experienced, skilled], skillCount: 10, countryCount: 10),
                                      weights: MatchWeights(values: [.experience: 1, .skills: 0.1]))
        #expect(byYears.rank(need, top: 2).candidates.map(\.candidate) == [0, 1])
        #expect(!MatchWeights(values: [.skills: -1]).isValid)
        #expect(!MatchWeights(values: [:]).isValid)
        #expect(MatchWeights.standard.isValid)
    }

    /// The posting-list ranker agrees with a plain loop over every candidate, written from the documented formulas.
    @Test(arguments: 0..<60)
    func agreesWithANaiveScanOnRandomPools(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
        let candidates = (0..<400).map { _ in
            CandidateFeatures(
                eligible: Int.random(in: 0..<10, using: &rng) > 0,
                skills: (0..<Int.random(in: 0...4, using: &rng)).map { _ in (Int32.random(in: 0..<30, using: &rng), UInt8.random(in: 1...3, using: &rng)) }
                    .reduce(into: [(skill: Int32, level: UInt8)]()) { list, s in if !list.contains(where: { $0.skill == s.0 }) { list.append((s.0, s.1)) } },
                fields: UInt8.random(in: 0...63, using: &rng),
                countriesWorked: (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int32.random(in: 0..<20, using: &rng) },
                regions: UInt32.random(in: 0...255, using: &rng), sectors: UInt32.random(in: 0...511, using: &rng),
                languages: [(UInt16.random(in: 0..<6, using: &rng), LanguageLevel.allCases.randomElement(using: &rng)!)],
                availableFrom: Int32.random(in: 0...200, using: &rng), availableUntil: Int32.random(in: 100...400, using: &rng),
                openCapacity: UInt8.random(in: 0...2, using: &rng), years: UInt8.random(in: 0...20, using: &rng))
        }
        let need = NeedCriteria(requiredSkills: [Int32.random(in: 0..<30, using: &rng), Int32.random(in: 0..<30, using: &rng)],
                                preferredSkills: [Int32.random(in: 0..<30, using: &rng)], fields: 0b1010,
                                country: Int32.random(in: 0..<20, using: &rng), region: UInt8.random(in: 0..<8, using: &rng),
                                sector: seed % 2 == 0 ? UInt8.random(in: 0..<9, using: &rng) : nil,
                                languages: [UInt16.random(in: 0..<6, using: &rng)], start: 150, end: 240)
        let conflicts: Set<Int32> = [3, 17, 99]
        var ranker = CandidateRanker(pool: CandidatePool(candidates, skillCount: 30, countryCount: 20))
        let expected = Self.naive(candidates, need, conflicts)
        // A short list raises the floor early, so most candidates meet the pruning bound.
        for k in [15, 3, 1] {
            let ranking = ranker.rank(need, top: k, conflicts: conflicts)
            #expect(ranking.candidates.map(\.candidate) == Array(expected.ranked.prefix(k).map(\.0)), "top \(k)")
            for (got, want) in zip(ranking.candidates, expected.ranked) { #expect(abs(got.score - want.1) < 1e-12) }
            #expect(ranking.excluded.filter { $0.value > 0 } == expected.excluded.filter { $0.value > 0 })
        }
    }

    static func naive(_ all: [CandidateFeatures], _ need: NeedCriteria, _ conflicts: Set<Int32>) -> (ranked: [(Int32, Double)], excluded: [Exclusion: Int]) {
        var excluded: [Exclusion: Int] = [:]
        var ranked: [(Int32, Double)] = []
        let wanted = Set(need.requiredSkills).map { ($0, 2.0) } + Set(need.preferredSkills).map { ($0, 1.0) }
        let denominator = 3 * (2.0 * Double(need.requiredSkills.count) + Double(need.preferredSkills.count))
        for (index, c) in all.enumerated() {
            let levels = Dictionary(c.skills.map { ($0.skill, Double($0.level)) }, uniquingKeysWith: max)
            guard wanted.contains(where: { levels[$0.0] != nil }) else { excluded[.noMatchingSkill, default: 0] += 1; continue }
            let overlap = min(c.availableUntil, need.end) - max(c.availableFrom, need.start)
            let language = c.languages.filter { need.languages.contains($0.language) }.map { Double($0.level.rawValue) }.max() ?? 0
            if !c.eligible { excluded[.notEligible, default: 0] += 1; continue }
            if c.openCapacity == 0 { excluded[.atCapacity, default: 0] += 1; continue }
            if language == 0 { excluded[.noSharedLanguage, default: 0] += 1; continue }
            if overlap <= 0 { excluded[.unavailable, default: 0] += 1; continue }
            if conflicts.contains(Int32(index)) { excluded[.conflictOfInterest, default: 0] += 1; continue }
            let w = MatchWeights.standard
            var parts: [(Double, Double)] = [
                (w[.skills], wanted.reduce(0) { $0 + $1.1 * (levels[$1.0] ?? 0) } / denominator),
                (w[.region], c.countriesWorked.contains(need.country) ? 1 : (c.regions >> UInt32(need.region)) & 1 == 1 ? 0.5 : 0),
                (w[.language], language / 3),
                (w[.availability], min(1, Double(overlap) / Double(need.end - need.start))),
                (w[.experience], min(1, Double(c.years) / 10)),
            ]
            if need.fields != 0 { parts.append((w[.fields], Double((need.fields & c.fields).nonzeroBitCount) / Double(need.fields.nonzeroBitCount))) }
            if let sector = need.sector { parts.append((w[.sector], (c.sectors >> UInt32(sector)) & 1 == 1 ? 1 : 0)) }
            let score = parts.reduce(0) { $0 + $1.0 * $1.1 } / parts.reduce(0) { $0 + $1.0 }
            ranked.append((Int32(index), score))
        }
        ranked.sort { abs($0.1 - $1.1) > 1e-12 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return (ranked, excluded)
    }
}
