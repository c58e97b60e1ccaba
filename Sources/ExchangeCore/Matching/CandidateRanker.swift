/// Candidates stored column by column, with posting lists from each skill and each country to the candidates that
/// have it, so a query touches only the candidates who share a skill with the need, and a bit set per language, so
/// the language filter is settled 64 candidates at a time.
public struct CandidatePool: Sendable {
    public let count: Int
    /// What the availability filter reads, 8 bytes per candidate.
    struct Window {
        var availableFrom: Int32
        var availableUntil: Int32
    }

    /// What scoring reads, only for candidates that pass every filter.
    struct Background {
        /// Up to four (language + 1) << 2 | level codes, 16 bits each.
        var languages: UInt64
        var regions: UInt32
        var sectors: UInt32
        var fields: UInt8
        var years: UInt8
    }

    /// Flags carried in skill postings, so need-independent exclusions never touch a profile.
    static let eligibleFlag: UInt8 = 0x80
    static let capacityFlag: UInt8 = 0x40

    let window: [Window]
    let background: [Background]
    let skillPostings: Postings
    let countryPostings: Postings
    /// Language id → one bit per candidate who speaks it (among their first four languages); empty for unspoken ids.
    let speakers: [[UInt64]]
    var words: Int { (count + 63) / 64 }

    struct Postings: Sendable {
        let start: [Int]
        let candidate: [Int32]
        let level: [UInt8]

        init(keys: Int, entries: [(key: Int32, candidate: Int32, level: UInt8)]) {
            var start = [Int](repeating: 0, count: keys + 1)
            for entry in entries { start[Int(entry.key) + 1] += 1 }
            for k in 0..<keys { start[k + 1] += start[k] }
            var next = start
            var candidate = [Int32](repeating: 0, count: entries.count)
            var level = [UInt8](repeating: 0, count: entries.count)
            for entry in entries {
                candidate[next[Int(entry.key)]] = entry.candidate
                level[next[Int(entry.key)]] = entry.level
                next[Int(entry.key)] += 1
            }
            self.start = start
            self.candidate = candidate
            self.level = level
        }

        func range(_ key: Int32) -> Range<Int> {
            guard key >= 0, Int(key) + 1 < start.count else { return 0..<0 }
            return start[Int(key)]..<start[Int(key) + 1]
        }
    }

    /// Skill and country ids must be below `skillCount` and `countryCount`.
    public init(_ candidates: [CandidateFeatures], skillCount: Int, countryCount: Int) {
        count = candidates.count
        window = candidates.map { Window(availableFrom: $0.availableFrom, availableUntil: $0.availableUntil) }
        background = candidates.map { candidate in
            let languages = candidate.languages.prefix(4).enumerated().reduce(UInt64(0)) { packed, item in
                let code = (UInt64(item.element.language) + 1) << 2 | UInt64(item.element.level.rawValue)
                return packed | code << (16 * UInt64(item.offset))
            }
            return Background(languages: languages, regions: candidate.regions, sectors: candidate.sectors, fields: candidate.fields,
                              years: candidate.years)
        }
        let words = (candidates.count + 63) / 64
        var speakers: [[UInt64]] = []
        for (index, candidate) in candidates.enumerated() {
            for spoken in candidate.languages.prefix(4) {
                let language = Int(spoken.language)
                if speakers.count <= language { speakers += Array(repeating: [], count: language + 1 - speakers.count) }
                if speakers[language].isEmpty { speakers[language] = Array(repeating: 0, count: words) }
                speakers[language][index >> 6] |= 1 << UInt64(index & 63)
            }
        }
        self.speakers = speakers
        var skills: [(key: Int32, candidate: Int32, level: UInt8)] = []
        var countries: [(key: Int32, candidate: Int32, level: UInt8)] = []
        for (index, candidate) in candidates.enumerated() {
            let flags = (candidate.eligible ? Self.eligibleFlag : 0) | (candidate.openCapacity > 0 ? Self.capacityFlag : 0)
            for skill in candidate.skills where skill.skill >= 0 && Int(skill.skill) < skillCount {
                skills.append((skill.skill, Int32(index), min(max(skill.level, 1), 3) | flags))
            }
            for country in Set(candidate.countriesWorked) where country >= 0 && Int(country) < countryCount {
                countries.append((country, Int32(index), 0))
            }
        }
        skillPostings = Postings(keys: skillCount, entries: skills)
        countryPostings = Postings(keys: countryCount, entries: countries)
    }

    /// The strongest level the candidate has in any of `wanted`, or 0.
    @inline(__always)
    static func sharedLanguageLevel(_ languages: UInt64, _ wanted: [UInt16]) -> UInt8 {
        var packed = languages
        var best: UInt8 = 0
        while packed != 0 {
            let code = UInt16(truncatingIfNeeded: packed & 0xFFFF)
            if wanted.contains(code >> 2 - 1) { best = max(best, UInt8(code & 3)) }
            packed >>= 16
        }
        return best
    }
}

/// Ranks candidates for one need: hard filters first, then a weighted score in [0, 1] with its breakdown.
/// Keep one ranker per thread: it reuses scratch space between queries.
public struct CandidateRanker {
    public let pool: CandidatePool
    public let weights: MatchWeights
    private let weight: Scores
    /// Per-query state of each candidate, together so a touch costs one cache line.
    private struct Scratch {
        var touched: UInt32 = 0
        /// Σ weight × level over the need's skills the candidate has; small integers, exact in Float.
        var skillSum: Float = 0
    }
    private var scratch: [Scratch]
    /// Candidates that share a skill and pass the need-independent filters, visited in ascending order
    /// so their records stream from memory.
    private var open: [UInt64]
    /// Candidates who speak one of the need's languages.
    private var speaks: [UInt64]
    /// Candidates who live or have worked in the need's country; a bit set, so marking them stays in cache.
    private var inCountry: [UInt64]
    private var touchedCount = 0
    private var counts = [Int](repeating: 0, count: Exclusion.allCases.count)
    private var generation: UInt32 = 0

    public init(pool: CandidatePool, weights: MatchWeights = .standard) {
        self.pool = pool
        self.weights = weights
        weight = Scores(skills: weights[.skills], fields: weights[.fields], region: weights[.region], sector: weights[.sector],
                        language: weights[.language], availability: weights[.availability], experience: weights[.experience])
        scratch = .init(repeating: Scratch(), count: pool.count)
        open = .init(repeating: 0, count: pool.words)
        speaks = .init(repeating: 0, count: pool.words)
        inCountry = .init(repeating: 0, count: pool.words)
    }

    static let requiredWeight = 2.0
    static let preferredWeight = 1.0
    static let fullExperienceYears = 10.0

    public mutating func rank(_ need: NeedCriteria, top k: Int, conflicts: Set<Int32> = []) -> Ranking {
        generation &+= 1
        touchedCount = 0
        for i in counts.indices { counts[i] = 0 }
        collectSkills(need.requiredSkills, weight: Self.requiredWeight)
        collectSkills(need.preferredSkills, weight: Self.preferredWeight)
        markCountry(need.country)

        counts[Exclusion.noMatchingSkill.index] = pool.count - touchedCount
        var best = TopK(capacity: max(k, 0))
        let skillDenominator = 3 * (Self.requiredWeight * Double(need.requiredSkills.count) + Self.preferredWeight * Double(need.preferredSkills.count))
        let bound = upperBound(need, skillDenominator)
        markSpeakers(need.languages)
        for word in open.indices where open[word] != 0 {
            var bits = open[word] & speaks[word]
            counts[Exclusion.noSharedLanguage.index] += (open[word] & ~bits).nonzeroBitCount
            open[word] = 0
            while bits != 0 {
                let candidate = word << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                if let reason = exclusion(candidate, need, conflicts) {
                    counts[reason.index] += 1
                    continue
                }
                if let floor = best.floor, !mayEnter(candidate, above: floor, bound, need) { continue }
                best.offer(total(scores(candidate, need, skillDenominator), need), Int32(candidate))
            }
        }
        var excluded: [Exclusion: Int] = [:]
        for reason in Exclusion.allCases where counts[reason.index] > 0 { excluded[reason] = counts[reason.index] }
        let ranked = best.sorted().map { score, c in
            RankedCandidate(candidate: c, score: score, breakdown: scores(Int(c), need, skillDenominator).breakdown(for: need))
        }
        return Ranking(candidates: ranked, excluded: excluded, considered: pool.count)
    }

    private mutating func collectSkills(_ skills: [Int32], weight: Double) {
        let postings = pool.skillPostings
        for skill in Set(skills) {
            for p in postings.range(skill) {
                let c = Int(postings.candidate[p])
                let entry = postings.level[p]
                if scratch[c].touched != generation {
                    scratch[c].touched = generation
                    scratch[c].skillSum = 0
                    touchedCount += 1
                    if entry & CandidatePool.eligibleFlag == 0 {
                        counts[Exclusion.notEligible.index] += 1
                    } else if entry & CandidatePool.capacityFlag == 0 {
                        counts[Exclusion.atCapacity.index] += 1
                    } else {
                        open[c >> 6] |= 1 << UInt64(c & 63)
                    }
                }
                scratch[c].skillSum += Float(weight) * Float(entry & 3)
            }
        }
    }

    private mutating func markCountry(_ country: Int32) {
        for w in inCountry.indices { inCountry[w] = 0 }
        let postings = pool.countryPostings
        for p in postings.range(country) {
            let c = Int(postings.candidate[p])
            inCountry[c >> 6] |= 1 << UInt64(c & 63)
        }
    }

    private mutating func markSpeakers(_ languages: [UInt16]) {
        for w in speaks.indices { speaks[w] = 0 }
        for language in Set(languages) where Int(language) < pool.speakers.count {
            let set = pool.speakers[Int(language)]
            if set.isEmpty { continue }
            for w in speaks.indices { speaks[w] |= set[w] }
        }
    }

    @inline(__always)
    /// The filters left once eligibility, capacity and language are settled by bit sets.
    private func exclusion(_ c: Int, _ need: NeedCriteria, _ conflicts: Set<Int32>) -> Exclusion? {
        let window = pool.window[c]
        if min(window.availableUntil, need.end) <= max(window.availableFrom, need.start) { return .unavailable }
        if !conflicts.isEmpty && conflicts.contains(Int32(c)) { return .conflictOfInterest }
        return nil
    }

    /// One number per criterion, without allocating: this runs for every candidate that shares a skill.
    struct Scores {
        var skills = 0.0, fields = 0.0, region = 0.0, sector = 0.0, language = 0.0, availability = 0.0, experience = 0.0

        /// Criteria the need does not ask about (no fields, no sector) are left out.
        func breakdown(for need: NeedCriteria) -> [MatchCriterion: Double] {
            var all: [MatchCriterion: Double] = [.skills: skills, .region: region, .language: language,
                                                 .availability: availability, .experience: experience]
            if need.fields != 0 { all[.fields] = fields }
            if need.sector != nil { all[.sector] = sector }
            return all
        }
    }

    @inline(__always)
    private func scores(_ c: Int, _ need: NeedCriteria, _ skillDenominator: Double) -> Scores {
        let profile = pool.background[c]
        var s = Scores()
        s.skills = skillDenominator > 0 ? Double(scratch[c].skillSum) / skillDenominator : 0
        if need.fields != 0 {
            s.fields = Double((need.fields & profile.fields).nonzeroBitCount) / Double(need.fields.nonzeroBitCount)
        }
        s.region = (inCountry[c >> 6] >> UInt64(c & 63)) & 1 == 1 ? 1 : (profile.regions >> UInt32(need.region)) & 1 == 1 ? 0.5 : 0
        if let sector = need.sector {
            s.sector = (profile.sectors >> UInt32(sector)) & 1 == 1 ? 1 : 0
        }
        s.language = Double(CandidatePool.sharedLanguageLevel(profile.languages, need.languages)) / 3
        s.availability = availability(c, need)
        s.experience = min(1, Double(profile.years) / Self.fullExperienceYears)
        return s
    }

    /// The most a candidate could score given what is cheap to know before its background record is read: its
    /// skills, whether it knows the need's country (else region gives at most ½) and its availability overlap;
    /// every other criterion is taken at full marks. Slightly loosened so rounding never prunes a candidate that
    /// belongs in the top k. Pruning with it leaves 2,000–6,000 of 30,000–60,000 candidates to score on the
    /// slowest needs of `integrity match rank-bench`.
    struct ScoreBound {
        var skillPart = 0.0
        /// Every criterion but skills at full marks.
        var rest = Double.infinity
        var region = 0.0
        var availability = 0.0
    }

    /// Whether the candidate could still score above `floor`; the cheapest test first.
    @inline(__always)
    private func mayEnter(_ c: Int, above floor: Double, _ bound: ScoreBound, _ need: NeedCriteria) -> Bool {
        let loose = bound.skillPart * Double(scratch[c].skillSum) + bound.rest
        guard loose >= floor else { return false }
        let inCountry = (inCountry[c >> 6] >> UInt64(c & 63)) & 1 == 1
        return loose - bound.region * (inCountry ? 0 : 0.5) - bound.availability * (1 - availability(c, need)) >= floor
    }

    private func upperBound(_ need: NeedCriteria, _ skillDenominator: Double) -> ScoreBound {
        var applicable = weight.skills + weight.region + weight.language + weight.availability + weight.experience
        var rest = weight.region + weight.language + weight.availability + weight.experience
        if need.fields != 0 {
            applicable += weight.fields
            rest += weight.fields
        }
        if need.sector != nil {
            applicable += weight.sector
            rest += weight.sector
        }
        guard applicable > 0, skillDenominator > 0 else { return ScoreBound() }
        return ScoreBound(skillPart: weight.skills / skillDenominator / applicable, rest: rest / applicable + 1e-9,
                          region: weight.region / applicable, availability: weight.availability / applicable)
    }

    /// The share of the need's period the candidate is available for, in [0, 1].
    @inline(__always)
    private func availability(_ c: Int, _ need: NeedCriteria) -> Double {
        let window = pool.window[c]
        let overlap = min(window.availableUntil, need.end) - max(window.availableFrom, need.start)
        return min(1, Double(overlap) / Double(max(1, need.end - need.start)))
    }

    /// The weighted mean over the criteria that apply.
    @inline(__always)
    private func total(_ s: Scores, _ need: NeedCriteria) -> Double {
        var sum = weight.skills * s.skills + weight.region * s.region + weight.language * s.language
            + weight.availability * s.availability + weight.experience * s.experience
        var total = weight.skills + weight.region + weight.language + weight.availability + weight.experience
        if need.fields != 0 {
            sum += weight.fields * s.fields
            total += weight.fields
        }
        if need.sector != nil {
            sum += weight.sector * s.sector
            total += weight.sector
        }
        return total > 0 ? sum / total : 0
    }
}

/// The k best (score, candidate) pairs; ties go to the lower candidate index, so rankings are deterministic.
struct TopK {
    let capacity: Int
    private var heap: [(Double, Int32)] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// `a` ranks below `b`.
    @inline(__always)
    private static func worse(_ a: (Double, Int32), _ b: (Double, Int32)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 > b.1)
    }

    /// The score a candidate must beat to enter, once k are held.
    var floor: Double? { heap.count == capacity && capacity > 0 ? heap[0].0 : nil }

    mutating func offer(_ score: Double, _ candidate: Int32) {
        let item = (score, candidate)
        if heap.count < capacity {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if capacity > 0, Self.worse(heap[0], item) {
            heap[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                let right = left + 1
                let child = right < heap.count && Self.worse(heap[right], heap[left]) ? right : left
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                parent = child
            }
        }
    }

    func sorted() -> [(Double, Int32)] {
        heap.sorted { Self.worse($1, $0) }
    }
}
