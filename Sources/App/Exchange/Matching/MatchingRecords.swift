import ExchangeCore
import Fluent
import Foundation

/// A programme-wide setting, such as the matching weights, read and written as the type its key holds.
final class ProgrammeSetting<Value: Codable & Sendable>: Model, @unchecked Sendable {
    static var schema: String { "programme_settings" }

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "value") var value: Value
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(key: String, value: Value, now: Date) {
        id = UUID()
        self.key = key
        self.value = value
        updatedAt = now
    }
}

/// One batch proposal over all open, screened needs, run in the background.
final class MatchRun: Model, @unchecked Sendable {
    static let schema = "match_runs"

    enum Status: String, Codable, Sendable, CaseIterable {
        case running, completed, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "status") var status: Status
    /// The weights and penalty the run used, as JSON, so its scores can always be explained.
    @Field(key: "settings") var settings: BatchMatching.Settings
    @Field(key: "need_count") var needCount: Int
    @OptionalField(key: "objective") var objective: Double?
    @OptionalField(key: "stable_objective") var stableObjective: Double?
    @OptionalField(key: "unassigned") var unassigned: Int?
    @OptionalField(key: "stable_unassigned") var stableUnassigned: Int?
    /// A catalog key naming why the run failed.
    @OptionalField(key: "failure") var failure: String?
    @Field(key: "started_by") var startedBy: UUID
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}
}

/// What a run proposes for one need, and what the coordinator decided about it.
final class MatchProposal: Model, @unchecked Sendable {
    static let schema = "match_proposals"

    enum Decision: String, Codable, Sendable, CaseIterable {
        case pending, confirmed, overridden
    }

    /// Another admissible expert, best first.
    struct Alternate: Codable, Equatable, Sendable {
        let expertProfileID: UUID
        let score: Double
        let breakdown: [String: Double]
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "run_id") var run: MatchRun
    @Parent(key: "need_id") var need: Need
    /// Nil: the run proposes leaving the need unassigned.
    @OptionalParent(key: "expert_profile_id") var expert: ExpertProfile?
    @OptionalField(key: "score") var score: Double?
    @Field(key: "breakdown") var breakdown: [String: Double]
    @Field(key: "alternates") var storedAlternates: JSONList<Alternate>
    @OptionalParent(key: "stable_expert_profile_id") var stableExpert: ExpertProfile?
    @OptionalField(key: "stable_score") var stableScore: Double?
    /// Exclusion reason → count.
    @Field(key: "excluded") var excluded: [String: Int]
    @Field(key: "decision") var decision: Decision
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "engagement_id") var engagementID: UUID?

    init() {}

    var alternates: [Alternate] {
        get { storedAlternates.items }
        set { storedAlternates = JSONList(newValue) }
    }
    /// The experts offered besides the proposed one: the alternates, then stable matching's choice.
    var offeredExperts: [UUID] { alternates.map(\.expertProfileID) + [$stableExpert.id].compactMap { $0 } }
}

/// An expert's interest in, or refusal of, a need they can see; stable matching reads it.
final class NeedInterest: Model, @unchecked Sendable {
    static let schema = "need_interests"

    enum Stance: String, Codable, Sendable, CaseIterable {
        case interested, neutral, declined

        var expertStance: ExpertStance {
            switch self {
            case .interested: .interested
            case .neutral: .neutral
            case .declined: .declined
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "need_id") var need: Need
    @Parent(key: "expert_profile_id") var expert: ExpertProfile
    @Field(key: "stance") var stance: Stance
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// A stance not yet taken; the caller sets it.
    init(need: UUID, expert: UUID) {
        id = UUID()
        $need.id = need
        $expert.id = expert
    }
}

/// A need and an expert working together. It starts as a proposed match when a coordinator confirms a proposal.
final class Engagement: Model, @unchecked Sendable {
    static let schema = "engagements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "need_id") var need: Need
    @Parent(key: "expert_profile_id") var expert: ExpertProfile
    @OptionalParent(key: "proposal_id") var proposal: MatchProposal?
    @Field(key: "stage") var stage: EngagementStage
    /// The score and per-criterion breakdown the match was made on.
    @Field(key: "score") var score: Double
    @Field(key: "breakdown") var breakdown: [String: Double]
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    // The workflow's safeguards; empty on engagements made before due diligence existed (M016).
    @OptionalField(key: "due_diligence") var dueDiligence: DueDiligenceStatus?
    @OptionalField(key: "terms_signed") var termsSigned: Bool?
    @OptionalField(key: "post_evaluations_complete") var postEvaluationsComplete: Bool?
    @OptionalField(key: "planned_months") var plannedMonths: Int?
    @OptionalField(key: "extension_months") var extensionMonths: Int?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    /// The last tracked activity (M020); the inactivity reminder counts from it.
    @OptionalField(key: "last_activity_at") var lastActivityAt: Date?

    init() {}


    /// The stage and safeguards as the workflow sees them. Written only through `EngagementWorkflowService`.
    var state: EngagementState {
        get {
            EngagementState(stage: stage, dueDiligence: dueDiligence ?? .notStarted, termsSigned: termsSigned ?? false,
                            postEvaluationsComplete: postEvaluationsComplete ?? false,
                            plannedMonths: plannedMonths ?? NeedDraft.defaultDuration, extensionMonths: extensionMonths ?? 0)
        }
        set {
            stage = newValue.stage
            dueDiligence = newValue.dueDiligence
            termsSigned = newValue.termsSigned
            postEvaluationsComplete = newValue.postEvaluationsComplete
            plannedMonths = newValue.plannedMonths
            extensionMonths = newValue.extensionMonths
        }
    }
}
