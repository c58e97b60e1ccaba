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
    /// What the need asks for, as JSON (M033).
    @Field(key: "scope") var scope: NeedScope
    @OptionalField(key: "preferred_start") var preferredStart: Date?
    @Field(key: "duration_months") var durationMonths: Int
    @Field(key: "expected_outputs") var expectedOutputs: String
    @Field(key: "data_access") var dataAccess: DataAccess
    @Field(key: "data_rules") var dataRules: String
    /// The self-assessment, as JSON (M033).
    @Field(key: "readiness") var readiness: ReadinessAssessment
    @OptionalField(key: "sector") var sector: WorkSector?
    @Field(key: "status") var status: ParticipationStatus
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var details: NeedDetails {
        NeedDetails(title: title, problemStatement: problemStatement, whyPrivateSector: whyPrivateSector, scope: scope,
                    preferredStart: preferredStart, durationMonths: durationMonths, expectedOutputs: expectedOutputs,
                    dataAccess: dataAccess, dataRules: dataRules, sector: sector)
    }

    /// The need as its form shows it.
    var draft: NeedDraft { details.draft }

    func apply(_ d: NeedDetails, readiness: ReadinessAssessment, now: Date) {
        title = d.title
        problemStatement = d.problemStatement
        whyPrivateSector = d.whyPrivateSector
        scope = d.scope
        preferredStart = d.preferredStart
        durationMonths = d.duration
        expectedOutputs = d.expectedOutputs
        dataAccess = d.dataAccess
        dataRules = d.dataRules
        sector = d.sector
        self.readiness = readiness
        updatedAt = now
    }
}
