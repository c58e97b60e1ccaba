import ArgumentParser
import ExchangeCore
import Foundation

extension MatchCommand {
    struct RankBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rank-bench",
            abstract: "Time ranking single needs over a synthetic pool of expert profiles (build with -c release).")

        @Option(help: "Profiles in the pool.") var profiles = 1_000_000
        @Option(help: "Needs to rank, one after another.") var queries = 200
        @Option(help: "Candidates kept per need.") var top = 20
        @Option(help: "Seed of the synthetic pool.") var seed: UInt64 = 1

        func validate() throws {
            guard profiles > 0, queries > 0, top > 0 else { throw ValidationError("--profiles, --queries and --top must be ≥ 1") }
        }

        func run() async throws {
            var rng = SyntheticPool.Generator(seed: seed)
            let pool = CandidatePool((0..<profiles).map { _ in SyntheticPool.candidate(&rng) },
                                     skillCount: SyntheticPool.skills, countryCount: SyntheticPool.countries)
            let needs = (0..<queries).map { _ in SyntheticPool.need(&rng) }
            var ranker = CandidateRanker(pool: pool)
            _ = ranker.rank(needs[0], top: top)
            let clock = ContinuousClock()
            var millis: [Double] = []
            var touched = 0
            for need in needs {
                var ranking: Ranking?
                let elapsed = clock.measure { ranking = ranker.rank(need, top: top) }
                millis.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                touched += profiles - (ranking?.excluded[.noMatchingSkill] ?? 0)
            }
            millis.sort()
            func at(_ q: Double) -> String { String(format: "%.3f", millis[min(millis.count - 1, Int(q * Double(millis.count)))]) }
            let mean = String(format: "%.3f", millis.reduce(0, +) / Double(millis.count))
            print(#"{"profiles":\#(profiles),"queries":\#(queries),"top":\#(top),"mean_ms":\#(mean),"p50_ms":\#(at(0.5)),"p95_ms":\#(at(0.95)),"max_ms":\#(at(1)),"mean_candidates_sharing_a_skill":\#(touched / queries)}"#)
        }
    }
}

/// A reproducible pool shaped like a real roster: a few skills and countries are common, most are rare.
enum SyntheticPool {
    static let skills = 250
    static let countries = 200
    static let languages: UInt16 = 40

    typealias Generator = SeededGenerator

    /// Popularity falling off like 1/rank: squaring a uniform draw favours low ids.
    static func skewed(_ upper: Int, _ rng: inout Generator) -> Int32 {
        let u = Double.random(in: 0..<1, using: &rng)
        return Int32(min(upper - 1, Int(u * u * Double(upper))))
    }

    static func candidate(_ rng: inout Generator) -> CandidateFeatures {
        var skillSet: [(skill: Int32, level: UInt8)] = []
        for _ in 0..<Int.random(in: 3...10, using: &rng) {
            let skill = skewed(skills, &rng)
            if !skillSet.contains(where: { $0.skill == skill }) { skillSet.append((skill, UInt8.random(in: 1...3, using: &rng))) }
        }
        let from = Int32.random(in: 0...300, using: &rng)
        return CandidateFeatures(
            eligible: Int.random(in: 0..<10, using: &rng) > 0, skills: skillSet, fields: UInt8.random(in: 1...63, using: &rng),
            countriesWorked: (0..<Int.random(in: 1...4, using: &rng)).map { _ in skewed(countries, &rng) },
            regions: UInt32.random(in: 1...255, using: &rng), sectors: UInt32.random(in: 1...511, using: &rng),
            languages: [(UInt16(skewed(Int(languages), &rng)), .native), (UInt16(skewed(Int(languages), &rng)), .working)],
            availableFrom: from, availableUntil: from + Int32.random(in: 30...400, using: &rng),
            openCapacity: UInt8.random(in: 0...2, using: &rng), years: UInt8.random(in: 0...30, using: &rng))
    }

    static func need(_ rng: inout Generator) -> NeedCriteria {
        let start = Int32.random(in: 0...300, using: &rng)
        return NeedCriteria(
            requiredSkills: (0..<Int.random(in: 2...4, using: &rng)).map { _ in skewed(skills, &rng) },
            preferredSkills: (0..<Int.random(in: 0...3, using: &rng)).map { _ in skewed(skills, &rng) },
            fields: UInt8.random(in: 1...63, using: &rng), country: skewed(countries, &rng), region: UInt8.random(in: 0..<8, using: &rng),
            sector: UInt8.random(in: 0..<9, using: &rng), languages: [UInt16(skewed(Int(languages), &rng))],
            start: start, end: start + 90)
    }
}
