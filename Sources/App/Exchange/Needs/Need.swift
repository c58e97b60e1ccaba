import ExchangeCore
import Fluent
import Foundation

/// A public body's request for help, with its digital-readiness self-assessment.
final class Need: Model, @unchecked Sendable {
    static let schema = "needs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "title") var title: String
    @Field(key: "problem_statement") var problemStatement: String
    @Field(key: "why_private_sector") var whyPrivateSector: String
    /// Lists are `StoredList` text.
    @Field(key: "support_areas") var supportAreasText: String
    @Field(key: "issue_areas") var issueAreasText: String
    @Field(key: "required_skills") var requiredSkillsText: String
    @Field(key: "preferred_skills") var preferredSkillsText: String
    @Field(key: "languages") var languagesText: String
    @OptionalField(key: "preferred_start") var preferredStart: Date?
    @Field(key: "duration_months") var durationMonths: Int
    @Field(key: "expected_outputs") var expectedOutputs: String
    @Field(key: "data_access") var dataAccess: String
    @Field(key: "data_rules") var dataRules: String
    /// The self-assessment as JSON.
    @Field(key: "readiness") var readinessJSON: String
    // What the body hopes for besides skills (M013).
    @OptionalField(key: "experience_fields") var experienceFieldsText: String?
    @OptionalField(key: "sector") var sector: String?
    @Field(key: "status") var status: ParticipationStatus
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var draft: NeedDraft {
        NeedDraft(title: title, problemStatement: problemStatement, whyPrivateSector: whyPrivateSector,
                  supportAreas: StoredList.items(supportAreasText).compactMap(Int.init), issueAreas: StoredList.items(issueAreasText),
                  requiredSkills: StoredList.items(requiredSkillsText), preferredSkills: StoredList.items(preferredSkillsText),
                  languages: StoredList.items(languagesText), preferredStart: preferredStart, durationMonths: durationMonths,
                  expectedOutputs: expectedOutputs, dataAccess: dataAccess, dataRules: dataRules,
                  fields: StoredList.items(experienceFieldsText), sector: sector)
    }

    var readiness: ReadinessAssessment {
        (try? JSONDecoder().decode(ReadinessAssessment.self, from: Data(readinessJSON.utf8))) ?? ReadinessAssessment(ratings: [:])
    }

    func apply(_ d: NeedDraft, readiness: ReadinessAssessment, now: Date) {
        title = d.title.trimmingWhitespace()
        problemStatement = d.problemStatement.trimmingWhitespace()
        whyPrivateSector = d.whyPrivateSector.trimmingWhitespace()
        supportAreasText = StoredList.text(d.supportAreas.map(String.init))
        issueAreasText = StoredList.text(d.issueAreas)
        requiredSkillsText = StoredList.text(d.requiredSkills)
        preferredSkillsText = StoredList.text(d.preferredSkills)
        languagesText = StoredList.text(d.languages)
        preferredStart = d.preferredStart
        durationMonths = d.duration
        expectedOutputs = d.expectedOutputs.trimmingWhitespace()
        dataAccess = d.dataAccess
        dataRules = d.dataRules.trimmingWhitespace()
        experienceFieldsText = StoredList.text(d.fields)
        sector = d.sector
        readinessJSON = String(decoding: (try? JSONEncoder().encode(readiness)) ?? Data("{}".utf8), as: UTF8.self)
        updatedAt = now
    }
}
