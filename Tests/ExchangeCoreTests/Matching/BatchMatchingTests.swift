import Foundation
import Testing
@testable import ExchangeCore

struct BatchMatchingTests {
    /// A random programme: needs over 6 skills and 3 languages, candidates with some of each.
    static func programme(seed: UInt64, needs: Int, experts: Int) -> (needs: [NeedCriteria], pool: CandidatePool, capacity: [Int32]) {
        var rng = SeededGenerator(seed: seed)
        let candidates = (0..<experts).map { _ in
            CandidateFeatures(
                eligible: Int.random(in: 0..<10, using: &rng) > 0,
                skills: (0..<Int32(6)).filter { _ in Bool.random(using: &rng) }.map { ($0, UInt8.random(in: 1...3, using: &rng)) },
                fields: 0, countriesWorked: [Int32.random(in: 0..<4, using: &rng)], regions: 0, sectors: 0,
                languages: [(UInt16.random(in: 0..<3, using: &rng), LanguageLevel(rawValue: UInt8.random(in: 1...3, using: &rng))!)],
                availableFrom: 0, availableUntil: Int32.random(in: 50...400, using: &rng),
                openCapacity: UInt8.random(in: 0...2, using: &rng), years: UInt8.random(in: 0...15, using: &rng))
        }
        let capacity = candidates.map { Int32($0.openCapacity) }
        let needList = (0..<needs).map { _ in
            NeedCriteria(requiredSkills: [Int32.random(in: 0..<6, using: &rng)], preferredSkills: [Int32.random(in: 0..<6, using: &rng)],
                         country: Int32.random(in: 0..<4, using: &rng), region: 0, languages: [UInt16.random(in: 0..<3, using: &rng)],
                         start: 100, end: 190)
        }
        return (needList, CandidatePool(candidates, skillCount: 6, countryCount: 4), capacity)
    }

    @Test(arguments: 0..<40)
    func theProposalIsTheOptimumOverEveryAdmissiblePair(seed: Int) {
        let (needs, pool, capacity) = Self.programme(seed: UInt64(seed) + 77, needs: 2 + seed % 6, experts: 3 + seed % 9)
        let settings = BatchMatching.Settings(weights: .standard, penalty: 0.3)
        let outcome = BatchMatching.propose(needs: needs, pool: pool, capacity: capacity, settings: settings)

        // The same problem with every admissible pair, no truncation, solved exhaustively.
        var ranker = CandidateRanker(pool: pool)
        var edges: [AssignmentProblem.Edge] = []
        for (i, need) in needs.enumerated() {
            edges += ranker.rank(need, top: pool.count).candidates.map { .init(need: i, expert: Int($0.candidate), score: BatchMatching.units($0.score)) }
        }
        let full = try! AssignmentProblem(needCount: needs.count, expertCount: pool.count, edges: edges, capacity: capacity,
                                          penalty: BatchMatching.units(0.3), scale: BatchMatching.scale)
        let optimum = AssignmentSolverTests.bruteForceOptimum(full)
        #expect(outcome.objective == Double(optimum) / Double(BatchMatching.scale))
        #expect(outcome.stableObjective <= outcome.objective)

        var load = [Int32: Int32]()
        for proposal in outcome.proposals {
            if let chosen = proposal.chosen {
                load[chosen.expert, default: 0] += 1
                #expect(edges.contains { $0.need == proposal.need && $0.expert == Int(chosen.expert) }, "only admissible pairs")
                #expect(!proposal.alternates.contains { $0.expert == chosen.expert })
            }
            #expect(proposal.alternates.count <= 3)
            #expect(zip(proposal.alternates, proposal.alternates.dropFirst()).allSatisfy { $0.score >= $1.score }, "best alternates first")
        }
        #expect(load.allSatisfy { $0.value <= capacity[Int($0.key)] }, "capacities hold")
        #expect(outcome.unassigned == outcome.proposals.filter { $0.chosen == nil }.count)
    }

    @Test func needsStayUnassignedWhenExpertsRunOutAndThePenaltyTradesCoverageForScore() throws {
        let expert = CandidateFeatures(eligible: true, skills: [(0, 3)], fields: 0, countriesWorked: [0], regions: 0, sectors: 0,
                                       languages: [(0, .native)], availableFrom: 0, availableUntil: 1000, openCapacity: 1, years: 10)
        let need = NeedCriteria(requiredSkills: [0], country: 0, region: 0, languages: [0], start: 0, end: 90)
        let one = BatchMatching.propose(needs: [need, need, need], pool: CandidatePool([expert], skillCount: 1, countryCount: 1),
                                        capacity: [1], settings: .init(weights: .standard, penalty: 0.25))
        #expect(one.unassigned == 2)
        #expect(one.proposals.filter { $0.chosen != nil }.count == 1)
        #expect(abs(one.objective - (1 - 2 * 0.25)) < 1e-9)

        for seed in 0..<20 {
            let (needs, pool, capacity) = Self.programme(seed: UInt64(seed) + 500, needs: 6, experts: 5)
            let lenient = BatchMatching.propose(needs: needs, pool: pool, capacity: capacity, settings: .init(weights: .standard, penalty: 0))
            let strict = BatchMatching.propose(needs: needs, pool: pool, capacity: capacity, settings: .init(weights: .standard, penalty: 1))
            #expect(strict.unassigned <= lenient.unassigned, "a higher penalty never covers fewer needs (seed \(seed))")
        }
    }

    @Test func declinedNeedsAreNeverProposedAndInterestSteersStableMatching() throws {
        let expert = { (years: UInt8) in
            CandidateFeatures(eligible: true, skills: [(0, 3)], fields: 0, countriesWorked: [0], regions: 0, sectors: 0,
                              languages: [(0, .native)], availableFrom: 0, availableUntil: 1000, openCapacity: 1, years: years)
        }
        let need = NeedCriteria(requiredSkills: [0], country: 0, region: 0, languages: [0], start: 0, end: 90)
        let pool = CandidatePool([expert(10), expert(2)], skillCount: 1, countryCount: 1)
        let settings = BatchMatching.Settings(weights: .standard, penalty: 0)
        var progress: [Int] = []
        let outcome = BatchMatching.propose(needs: [need, need], pool: pool, capacity: [1, 1], settings: settings,
                                            stance: { n, e in n == 0 && e == 0 ? .declined : (n == 1 && e == 1 ? .interested : .neutral) },
                                            progress: { progress.append($0) })
        #expect(progress == [1, 2])
        #expect(outcome.proposals[0].chosen?.expert == 1, "expert 0 declined need 0")
        #expect(outcome.proposals[1].chosen?.expert == 0)
        #expect(!outcome.proposals[0].alternates.contains { $0.expert == 0 })
        #expect(outcome.proposals[0].stable?.expert != 0)
    }

    @Test func explanationNamesCoveredAndMissingSkillsAndTheOverlap() {
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: 1000 * day)
        let explanation = MatchExplanation(
            need: .init(requiredSkills: ["ocds", "statistics"], preferredSkills: ["visualisation"], languages: ["es", "en"], country: "CO",
                        start: start, durationMonths: 3),
            expert: .init(skills: [.init(skill: "ocds", level: 3), .init(skill: "visualisation", level: 2)],
                          languages: [.init(code: "es", level: .native), .init(code: "fr", level: .fluent)], countries: ["MX"],
                          availableFrom: start.addingTimeInterval(30 * day), availableUntil: nil, years: 7))
        #expect(explanation.requiredCovered == [.init(skill: "ocds", level: 3)])
        #expect(explanation.requiredMissing == ["statistics"])
        #expect(explanation.preferredCovered == [.init(skill: "visualisation", level: 2)])
        #expect(explanation.sharedLanguages == [.init(code: "es", level: .native)])
        #expect(!explanation.knowsCountry)
        #expect(explanation.periodDays == 90)
        #expect(explanation.overlapDays == 0, "no end date means not available")
        let open = MatchExplanation(
            need: .init(requiredSkills: [], preferredSkills: [], languages: [], country: "CO", start: start, durationMonths: 3),
            expert: .init(skills: [], languages: [], countries: ["CO"], availableFrom: start.addingTimeInterval(30 * day),
                          availableUntil: start.addingTimeInterval(400 * day), years: 1))
        #expect(open.overlapDays == 60)
        #expect(open.knowsCountry)
    }

    @Test func explanationNamesAKnownRegionTheFieldsAndTheSector() {
        let explanation = MatchExplanation(
            need: .init(requiredSkills: [], preferredSkills: [], languages: [], country: "CO", start: nil, durationMonths: 3,
                        fields: [.fraud, .audit], sector: .health),
            expert: .init(skills: [], languages: [], countries: ["MX", "PE"], availableFrom: nil, availableUntil: nil, years: 5,
                          fields: [.audit], regions: [], sectors: [.health]))
        #expect(explanation.knownRegion == WorldRegion("005"), "Peru puts the expert in South America, with Colombia")
        #expect(explanation.sharedFields == [.audit])
        #expect(explanation.missingFields == [.fraud])
        #expect(explanation.knowsSector == true)
        let unnamed = MatchExplanation(
            need: .init(requiredSkills: [], preferredSkills: [], languages: [], country: "CO", start: nil, durationMonths: 3),
            expert: .init(skills: [], languages: [], countries: ["CO"], availableFrom: nil, availableUntil: nil, years: 5))
        #expect(unnamed.knowsSector == nil)
        #expect(unnamed.knownRegion == nil, "knowing the country says more than the region")
    }
}
