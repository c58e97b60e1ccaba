import Foundation

/// What a need asks for, as the codes and ids the rest of the programme understands. Stored as one JSON value.
public struct NeedScope: Codable, Sendable, Equatable {
    public var supportAreas: [SupportArea]
    public var issueAreas: [IssueArea]
    public var requiredSkills: [String]
    public var preferredSkills: [String]
    public var languages: [String]
    /// Fields of experience the body hopes for; none means any.
    public var fields: [ExperienceField]

    public init(supportAreas: [SupportArea] = [], issueAreas: [IssueArea] = [], requiredSkills: [String] = [],
                preferredSkills: [String] = [], languages: [String] = [], fields: [ExperienceField] = []) {
        self.supportAreas = supportAreas
        self.issueAreas = issueAreas
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.languages = languages
        self.fields = fields
    }
}

/// A need whose every value is well-formed: choices are cases, text is trimmed. It may still be incomplete, because a
/// body saves a draft before it is whole; `problems(against:)` says what submission still asks for.
public struct NeedDetails: Sendable, Equatable {
    public var title: String
    public var problemStatement: String
    public var whyPrivateSector: String
    public var scope: NeedScope
    public var preferredStart: Date?
    public var durationMonths: Int?
    public var expectedOutputs: String
    public var dataAccess: DataAccess
    public var dataRules: String
    public var sector: WorkSector?

    public init(title: String = "", problemStatement: String = "", whyPrivateSector: String = "", scope: NeedScope = NeedScope(),
                preferredStart: Date? = nil, durationMonths: Int? = nil, expectedOutputs: String = "", dataAccess: DataAccess = .none,
                dataRules: String = "", sector: WorkSector? = nil) {
        self.title = title
        self.problemStatement = problemStatement
        self.whyPrivateSector = whyPrivateSector
        self.scope = scope
        self.preferredStart = preferredStart
        self.durationMonths = durationMonths
        self.expectedOutputs = expectedOutputs
        self.dataAccess = dataAccess
        self.dataRules = dataRules
        self.sector = sector
    }

    public var duration: Int { durationMonths ?? NeedDraft.defaultDuration }

    /// Every rule a submitted need meets, in the order the form shows them; skills must still exist in `taxonomy`.
    public func problems(against taxonomy: SkillsTaxonomy) -> [FieldError] {
        draft.validate(against: taxonomy)
    }

    /// The need as its form shows it.
    public var draft: NeedDraft {
        NeedDraft(title: title, problemStatement: problemStatement, whyPrivateSector: whyPrivateSector,
                  supportAreas: scope.supportAreas.map(\.rawValue), issueAreas: scope.issueAreas.map(\.rawValue),
                  requiredSkills: scope.requiredSkills, preferredSkills: scope.preferredSkills, languages: scope.languages,
                  preferredStart: preferredStart, durationMonths: durationMonths, expectedOutputs: expectedOutputs,
                  dataAccess: dataAccess.rawValue, dataRules: dataRules, fields: scope.fields.map(\.rawValue),
                  sector: sector?.rawValue)
    }
}

extension NeedDraft {
    /// The draft as typed values, once nothing in it is malformed. Missing values are allowed here: a draft is saved
    /// incomplete, and submission checks `NeedDetails.problems(against:)`.
    public func details(against taxonomy: SkillsTaxonomy) -> Result<NeedDetails, ValidationFailure> {
        let malformed = validate(against: taxonomy).filter { $0.code != .required }
        guard malformed.isEmpty, let access = DataAccess(rawValue: dataAccess) else {
            return .failure(ValidationFailure(errors: malformed))
        }
        let scope = NeedScope(
            supportAreas: supportAreas.compactMap(SupportArea.init(rawValue:)), issueAreas: issueAreas.compactMap(IssueArea.init(rawValue:)),
            requiredSkills: requiredSkills, preferredSkills: preferredSkills, languages: languages,
            fields: fields.compactMap(ExperienceField.init(rawValue:)))
        return .success(NeedDetails(
            title: title.trimmingWhitespace(), problemStatement: problemStatement.trimmingWhitespace(),
            whyPrivateSector: whyPrivateSector.trimmingWhitespace(), scope: scope, preferredStart: preferredStart,
            durationMonths: durationMonths, expectedOutputs: expectedOutputs.trimmingWhitespace(), dataAccess: access,
            dataRules: dataRules.trimmingWhitespace(), sector: sector.flatMap(WorkSector.init(rawValue:))))
    }
}
