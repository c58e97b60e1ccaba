import Fluent
import Foundation
import RedFlags

/// A finished run checked against known outcomes: how well each of its flags separates the processes labelled corrupt
/// from the others. One per run; new labels replace it.
final class RedFlagValidation: Model, @unchecked Sendable {
    static let schema = "red_flag_validations"

    /// How strongly a flag separates the two groups, as `FlagValidation.Impact` grades it.
    enum Impact: String, Codable, Sendable, CaseIterable {
        case none, low, high

        init(_ impact: FlagValidation.Impact) {
            switch impact {
            case .none: self = .none
            case .low: self = .low
            case .high: self = .high
            }
        }
    }

    /// One indicator's line, as `FlagValidation.Row` computes it.
    struct Row: Codable, Sendable, Equatable {
        let code: String
        let flaggedTreatment: Int
        let flaggedControl: Int
        let prevalenceTreatment: Double
        let prevalenceControl: Double
        let oddsRatio: Double
        let lower: Double
        let upper: Double
        let coefficient: Double
        let impact: Impact

        init(_ row: FlagValidation.Row) {
            (code, flaggedTreatment, flaggedControl) = (row.code, row.flaggedTreatment, row.flaggedControl)
            (prevalenceTreatment, prevalenceControl) = (row.prevalenceTreatment, row.prevalenceControl)
            (oddsRatio, lower, upper, coefficient) = (row.oddsRatio, row.lower, row.upper, row.coefficient)
            impact = Impact(row.impact)
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "run_id") var run: RedFlagRun
    @Field(key: "file_name") var fileName: String
    /// SHA-256 of the labels as sent: the same labels again change nothing.
    @Field(key: "labels_digest") var labelsDigest: String
    @Field(key: "treatment") var treatment: Int
    @Field(key: "control") var control: Int
    /// Labelled processes the run did not read.
    @Field(key: "missing") var missing: Int
    /// A list in a JSON column goes as `JSONList`, which PostgreSQL stores as `jsonb`.
    @Field(key: "rows") var storedRows: JSONList<Row>
    @Field(key: "validated_by") var validatedBy: UUID
    @Field(key: "validated_at") var validatedAt: Date

    init() {}

    var rows: [Row] {
        get { storedRows.items }
        set { storedRows = JSONList(newValue) }
    }
}
