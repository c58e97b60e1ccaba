import Foundation

/// The six ways the programme supports a public body.
public enum SupportArea: Int, CaseIterable, Codable, Sendable {
    case strategyAndGovernance = 1
    case infrastructure = 2
    case dataSoftware = 3
    case visualisation = 4
    case training = 5
    case digitalTool = 6
}

public enum IssueArea: String, CaseIterable, Codable, Sendable {
    case measuringCorruption = "measuring_corruption"
    case judicialIntegrity = "judicial_integrity"
    case publicEngagement = "public_engagement"
    case whistleblowing, prosecution
    case moneyFlows = "money_flows"
}

/// Whether the exchange needs the body's data; most should need none.
public enum DataAccess: String, CaseIterable, Codable, Sendable {
    case none, synthetic, limited, real

    /// Anything beyond synthetic data needs the rules that will apply.
    public var needsRules: Bool { self == .limited || self == .real }
}

/// A public body's need as submitted, before it is trusted.
public struct NeedDraft: Sendable, Equatable {
    public var title: String
    public var problemStatement: String
    public var whyPrivateSector: String
    public var supportAreas: [Int]
    public var issueAreas: [String]
    public var requiredSkills: [String]
    public var preferredSkills: [String]
    public var languages: [String]
    public var preferredStart: Date?
    public var durationMonths: Int?
    public var expectedOutputs: String
    public var dataAccess: String
    public var dataRules: String
    /// Fields of experience the body hopes for; none means any.
    public var fields: [String]
    /// The sector the need concerns, if one stands out.
    public var sector: String?

    public static let defaultDuration = 3
    public static let maximumDuration = 6

    public init(title: String = "", problemStatement: String = "", whyPrivateSector: String = "", supportAreas: [Int] = [],
                issueAreas: [String] = [], requiredSkills: [String] = [], preferredSkills: [String] = [], languages: [String] = [],
                preferredStart: Date? = nil, durationMonths: Int? = nil, expectedOutputs: String = "", dataAccess: String = "none",
                dataRules: String = "", fields: [String] = [], sector: String? = nil) {
        self.title = title
        self.problemStatement = problemStatement
        self.whyPrivateSector = whyPrivateSector
        self.supportAreas = supportAreas
        self.issueAreas = issueAreas
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.languages = languages
        self.preferredStart = preferredStart
        self.durationMonths = durationMonths
        self.expectedOutputs = expectedOutputs
        self.dataAccess = dataAccess
        self.dataRules = dataRules
        self.fields = fields
        self.sector = sector.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Checks every rule at once; skill ids must exist in `taxonomy`.
    public func validate(against taxonomy: SkillsTaxonomy) -> [FieldError] {
        var v = Validator()
        v.text("title", title, maxLength: 200)
        v.text("problemStatement", problemStatement, maxLength: 5000)
        v.text("whyPrivateSector", whyPrivateSector, maxLength: 3000)
        v.text("expectedOutputs", expectedOutputs, maxLength: 3000)
        if supportAreas.isEmpty { v.add("supportAreas", .required) }
        if supportAreas.contains(where: { SupportArea(rawValue: $0) == nil }) { v.add("supportAreas", .invalidChoice) }
        if issueAreas.contains(where: { IssueArea(rawValue: $0) == nil }) { v.add("issueAreas", .invalidChoice) }
        if requiredSkills.isEmpty { v.add("requiredSkills", .required) }
        if (requiredSkills + preferredSkills).contains(where: { taxonomy.skill($0) == nil }) { v.add("requiredSkills", .invalidChoice) }
        if fields.contains(where: { ExperienceField(rawValue: $0).map { !Self.wantableFields.contains($0) } ?? true }) {
            v.add("fields", .invalidChoice)
        }
        if let sector, WorkSector(rawValue: sector) == nil { v.add("sector", .invalidChoice) }
        if languages.isEmpty { v.add("languages", .required) }
        if languages.contains(where: { LanguageCode($0) == nil }) { v.add("languages", .invalidLanguage) }
        if preferredStart == nil { v.add("preferredStart", .required) }
        if let months = durationMonths, !(1...Self.maximumDuration).contains(months) { v.add("durationMonths", .invalidChoice) }
        switch DataAccess(rawValue: dataAccess) {
        case nil: v.add("dataAccess", .invalidChoice)
        case let access? where access.needsRules && dataRules.trimmingWhitespace().isEmpty: v.add("dataRules", .required)
        default: break
        }
        return v.errors
    }

    public var duration: Int { durationMonths ?? Self.defaultDuration }

    /// A need can hope for any named field; "other" is the expert's own escape hatch, not something to ask for.
    public static let wantableFields = ExperienceField.allCases.filter { $0 != .other }
}
