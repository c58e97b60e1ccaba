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

        public init(requiredSkills: [String], preferredSkills: [String], languages: [String], country: String, start: Date?,
                    durationMonths: Int) {
            self.requiredSkills = requiredSkills
            self.preferredSkills = preferredSkills
            self.languages = languages
            self.country = country
            self.start = start
            self.durationMonths = durationMonths
        }
    }

    public struct ExpertSide: Sendable {
        public var skills: [SkillLevel]
        public var languages: [SpokenLanguage]
        public var countries: [String]
        public var availableFrom: Date?
        public var availableUntil: Date?
        public var years: Int

        public init(skills: [SkillLevel], languages: [SpokenLanguage], countries: [String], availableFrom: Date?, availableUntil: Date?,
                    years: Int) {
            self.skills = skills
            self.languages = languages
            self.countries = countries
            self.availableFrom = availableFrom
            self.availableUntil = availableUntil
            self.years = years
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
