import Foundation

/// What an expert submits, as screening sees it.
public struct ExpertApplication: Sendable, Equatable {
    public var fullName: String
    public var residence: CountryCode?
    /// nil for an independent expert.
    public var employerID: UUID?
    public var yearsOfExperience: Int?
    public var fields: Set<ExperienceField>
    public var transferStatement: String
    public var skillCount: Int
    public var languageCount: Int
    public var hoursPerWeek: Int
    public var availableFrom: Date?
    public var availableUntil: Date?
    public var capacity: Int
    public var authorisations: Authorisations
    public var valuesAlignment: Bool
    public var motivation: String

    public init(fullName: String, residence: CountryCode?, employerID: UUID?, yearsOfExperience: Int?,
                fields: Set<ExperienceField>, transferStatement: String = "", skillCount: Int, languageCount: Int,
                hoursPerWeek: Int, availableFrom: Date?, availableUntil: Date?, capacity: Int = 1,
                authorisations: Authorisations, valuesAlignment: Bool, motivation: String) {
        self.fullName = fullName
        self.residence = residence
        self.employerID = employerID
        self.yearsOfExperience = yearsOfExperience
        self.fields = fields
        self.transferStatement = transferStatement
        self.skillCount = skillCount
        self.languageCount = languageCount
        self.hoursPerWeek = hoursPerWeek
        self.availableFrom = availableFrom
        self.availableUntil = availableUntil
        self.capacity = capacity
        self.authorisations = authorisations
        self.valuesAlignment = valuesAlignment
        self.motivation = motivation
    }
}

public enum ExpertCriterion: String, CaseIterable, Codable, Sendable {
    case identity, residence, experience, fields, skills, languages, availability
    case proBono = "pro_bono", workHours = "work_hours", publicCommunication = "public_communication"
    case values, motivation
}

/// The programme's minimum criteria for experts, checked automatically.
public enum ExpertScreening {
    /// "Preferably at least five years": fewer is for a coordinator to judge, not a failure.
    public static let preferredYears = 5
    public static let minimumMotivationCharacters = 50

    public static func screen(_ a: ExpertApplication) -> Screening<ExpertCriterion> {
        typealias R = CriterionResult<ExpertCriterion>
        let core = a.fields.subtracting([.other])
        let statement = a.transferStatement.trimmingWhitespace()
        let motivation = a.motivation.trimmingWhitespace()
        let window: (Date, Date)? = a.availableFrom.flatMap { from in a.availableUntil.map { (from, $0) } }
        return Screening([
            a.fullName.trimmingWhitespace().isEmpty ? R(.identity, .fail, "name_missing") : R(.identity, .pass, "name_given"),
            a.residence == nil ? R(.residence, .fail, "residence_missing") : R(.residence, .pass, "residence_given"),
            experience(a.yearsOfExperience),
            !core.isEmpty ? R(.fields, .pass, "core_field")
                : a.fields.contains(.other) && !statement.isEmpty ? R(.fields, .needsReview, "other_field_transfer")
                : a.fields.contains(.other) ? R(.fields, .fail, "other_field_without_statement") : R(.fields, .fail, "no_field"),
            a.skillCount > 0 ? R(.skills, .pass, "skills_given") : R(.skills, .fail, "no_skill"),
            a.languageCount > 0 ? R(.languages, .pass, "languages_given") : R(.languages, .fail, "no_language"),
            availability(a.hoursPerWeek, window, a.capacity),
            a.authorisations.proBono ? R(.proBono, .pass, "attested") : R(.proBono, .fail, "pro_bono_missing"),
            a.authorisations.workHours ? R(.workHours, .pass, "attested") : R(.workHours, .fail, "work_hours_missing"),
            a.authorisations.publicCommunication ? R(.publicCommunication, .pass, "attested")
                : R(.publicCommunication, .fail, "public_communication_missing"),
            a.valuesAlignment ? R(.values, .pass, "attested") : R(.values, .fail, "values_missing"),
            motivation.count >= minimumMotivationCharacters ? R(.motivation, .pass, "motivation_given")
                : motivation.isEmpty ? R(.motivation, .fail, "motivation_missing") : R(.motivation, .needsReview, "motivation_short"),
        ])
    }

    private static func experience(_ years: Int?) -> CriterionResult<ExpertCriterion> {
        guard let years, years >= 0 else { return .init(.experience, .fail, "experience_missing") }
        return years >= preferredYears ? .init(.experience, .pass, "experience_five_years")
                                       : .init(.experience, .needsReview, "experience_under_five_years")
    }

    private static func availability(_ hours: Int, _ window: (Date, Date)?, _ capacity: Int) -> CriterionResult<ExpertCriterion> {
        guard hours > 0 else { return .init(.availability, .fail, "no_hours") }
        guard let (from, until) = window, until > from else { return .init(.availability, .fail, "no_window") }
        guard capacity >= 1 else { return .init(.availability, .fail, "no_capacity") }
        return .init(.availability, .pass, "available")
    }
}
