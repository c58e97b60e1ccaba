/// The digital-readiness self-assessment: fifteen prerequisite areas, each rated 0–3 with a note.
public enum ReadinessArea: String, CaseIterable, Codable, Sendable {
    case politicalWill = "political_will"
    case coordination
    case financing
    case legalFramework = "legal_framework"
    case interoperability
    case digitalIdentity = "digital_identity"
    case accessAndAwareness = "access_and_awareness"
    case eParticipation = "e_participation"
    case informationSecurity = "information_security"
    case infrastructure
    case internationalCooperation = "international_cooperation"
    case digitalSkills = "digital_skills"
    case emergingTechnologies = "emerging_technologies"
    case data
    case governanceInnovation = "governance_innovation"
}

public struct ReadinessAssessment: Sendable, Equatable, Codable {
    public struct Rating: Sendable, Equatable, Codable {
        public var score: Int
        public var note: String

        public init(score: Int, note: String = "") {
            self.score = score
            self.note = note
        }
    }

    public static let maximumScore = 3
    public var ratings: [ReadinessArea: Rating]

    public init(ratings: [ReadinessArea: Rating]) {
        self.ratings = ratings
    }

    /// Every area rated, each from 0 to 3, notes at most 1,000 characters.
    public func validate() -> [FieldError] {
        var v = Validator()
        for area in ReadinessArea.allCases {
            guard let rating = ratings[area] else {
                v.add("readiness.\(area.rawValue)", .required)
                continue
            }
            if !(0...Self.maximumScore).contains(rating.score) { v.add("readiness.\(area.rawValue)", .invalidChoice) }
            if rating.note.count > 1000 { v.add("readiness.\(area.rawValue).note", .tooLong) }
        }
        return v.errors
    }

    /// Mean score as a share of the maximum, over the rated areas.
    public var overall: Double {
        let scores = ratings.values.map(\.score)
        guard !scores.isEmpty else { return 0 }
        return Double(scores.reduce(0, +)) / Double(scores.count * Self.maximumScore)
    }
}
