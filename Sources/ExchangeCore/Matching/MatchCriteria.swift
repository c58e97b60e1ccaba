/// What a candidate is scored on, each in [0, 1].
public enum MatchCriterion: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case skills, fields, region, sector, language, availability, experience
}

/// Why a candidate is not ranked at all: the hard filters, needs first.
public enum Exclusion: String, CaseIterable, Codable, Sendable {
    case noMatchingSkill = "no_matching_skill"
    case notEligible = "not_eligible"
    case noSharedLanguage = "no_shared_language"
    case unavailable
    case atCapacity = "at_capacity"
    case conflictOfInterest = "conflict_of_interest"

    /// Position in `allCases`, without building the array (this runs once per excluded candidate).
    var index: Int {
        switch self {
        case .noMatchingSkill: 0
        case .notEligible: 1
        case .noSharedLanguage: 2
        case .unavailable: 3
        case .atCapacity: 4
        case .conflictOfInterest: 5
        }
    }
}

/// How much each criterion counts; configurable per programme. Only the ratios matter.
public struct MatchWeights: Sendable, Equatable, Codable {
    public var values: [MatchCriterion: Double]

    public static let standard = MatchWeights(values: [
        .skills: 0.35, .fields: 0.10, .region: 0.15, .sector: 0.10, .language: 0.10, .availability: 0.10, .experience: 0.10,
    ])

    public init(values: [MatchCriterion: Double]) {
        self.values = values
    }

    public subscript(_ criterion: MatchCriterion) -> Double { values[criterion] ?? 0 }

    /// Every weight finite and ≥ 0, and at least one above 0.
    public var isValid: Bool {
        values.values.allSatisfy { $0.isFinite && $0 >= 0 } && MatchCriterion.allCases.contains { self[$0] > 0 }
    }
}

/// Language proficiency, as profiles record it.
public enum LanguageLevel: UInt8, Codable, Sendable, CaseIterable {
    case working = 1, fluent = 2, native = 3

    /// The level's name, as the API spells it.
    public var name: String {
        switch self {
        case .working: "working"
        case .fluent: "fluent"
        case .native: "native"
        }
    }

    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }
}

extension ExperienceField {
    /// Fields as the ranker's bit set, one bit per case.
    public static func bits(_ fields: some Sequence<ExperienceField>) -> UInt8 {
        fields.reduce(0) { $0 | 1 << UInt8(allCases.firstIndex(of: $1)!) }
    }
}

extension WorkSector {
    public var bit: UInt32 { 1 << UInt32(Self.allCases.firstIndex(of: self)!) }
}

extension WorldRegion {
    /// The ranker's id for "no region".
    public static let none: UInt8 = .max

    public var bit: UInt32 { 1 << UInt32(index) }
}

/// A need as the ranker sees it; ids are small integers assigned by the caller's dictionaries.
public struct NeedCriteria: Sendable {
    public var requiredSkills: [Int32]
    public var preferredSkills: [Int32]
    /// Fields of experience wanted, as a bit set.
    public var fields: UInt8
    public var country: Int32
    /// The need's `WorldRegion.index`, or `WorldRegion.none`.
    public var region: UInt8
    /// The need's sector as its bit position among `WorkSector.allCases`.
    public var sector: UInt8?
    public var languages: [UInt16]
    /// The engagement period, in days since any fixed epoch, end exclusive.
    public var start: Int32
    public var end: Int32

    public init(requiredSkills: [Int32], preferredSkills: [Int32] = [], fields: UInt8 = 0, country: Int32, region: UInt8,
                sector: UInt8? = nil, languages: [UInt16], start: Int32, end: Int32) {
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.fields = fields
        self.country = country
        self.region = region
        self.sector = sector
        self.languages = languages
        self.start = start
        self.end = end
    }
}

/// A candidate as the ranker sees it.
public struct CandidateFeatures: Sendable {
    public var eligible: Bool
    /// Skill id and level 1–3.
    public var skills: [(skill: Int32, level: UInt8)]
    public var fields: UInt8
    public var countriesWorked: [Int32]
    public var regions: UInt32
    public var sectors: UInt32
    /// At most four languages are kept, the strongest first.
    public var languages: [(language: UInt16, level: LanguageLevel)]
    public var availableFrom: Int32
    public var availableUntil: Int32
    public var openCapacity: UInt8
    public var years: UInt8

    public init(eligible: Bool, skills: [(skill: Int32, level: UInt8)], fields: UInt8, countriesWorked: [Int32], regions: UInt32,
                sectors: UInt32, languages: [(language: UInt16, level: LanguageLevel)], availableFrom: Int32, availableUntil: Int32,
                openCapacity: UInt8, years: UInt8) {
        self.eligible = eligible
        self.skills = skills
        self.fields = fields
        self.countriesWorked = countriesWorked
        self.regions = regions
        self.sectors = sectors
        self.languages = languages
        self.availableFrom = availableFrom
        self.availableUntil = availableUntil
        self.openCapacity = openCapacity
        self.years = years
    }
}

/// One ranked candidate with its score and why.
public struct RankedCandidate: Sendable, Equatable {
    public let candidate: Int32
    public let score: Double
    public let breakdown: [MatchCriterion: Double]

    public init(candidate: Int32, score: Double, breakdown: [MatchCriterion: Double]) {
        (self.candidate, self.score, self.breakdown) = (candidate, score, breakdown)
    }
}

public struct Ranking: Sendable, Equatable {
    public let candidates: [RankedCandidate]
    /// How many were left out, and why (e.g. "312 excluded: no shared working language").
    public let excluded: [Exclusion: Int]
    public let considered: Int

    public init(candidates: [RankedCandidate], excluded: [Exclusion: Int], considered: Int) {
        (self.candidates, self.excluded, self.considered) = (candidates, excluded, considered)
    }
}
