import ExchangeCore
import Fluent
import Foundation

/// One due-diligence checklist item of an engagement as a coordinator last recorded it.
final class ChecklistRecord: Model, @unchecked Sendable {
    static let schema = "due_diligence_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "item") var item: DueDiligenceItem
    @Field(key: "status") var status: ChecklistStatus
    @Field(key: "notes") var notes: String
    /// One link per line.
    @Field(key: "links") var storedLinks: JSONList<String>
    @Field(key: "updated_by") var updatedBy: UUID
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(engagementID: UUID, item: DueDiligenceItem) {
        id = UUID()
        $engagement.id = engagementID
        self.item = item
    }

    var entry: ChecklistEntry {
        ChecklistEntry(status: status, notes: notes, links: storedLinks.items)
    }

    func record(_ entry: ChecklistEntry, by user: UUID, now: Date) {
        status = entry.status
        notes = entry.notes
        storedLinks = JSONList(entry.links)
        updatedBy = user
        updatedAt = now
    }
}

/// A party's conflict-of-interest declaration for an engagement; filing again replaces it.
final class DeclarationRecord: Model, @unchecked Sendable {
    static let schema = "conflict_declarations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "party") var party: DeclaringParty
    @Field(key: "answers") var declaration: ConflictDeclaration
    @Field(key: "declared_by") var declaredBy: UUID
    @Field(key: "declared_at") var declaredAt: Date

    init() {}

    init(engagementID: UUID, party: DeclaringParty) {
        id = UUID()
        $engagement.id = engagementID
        self.party = party
    }
}

/// A due-diligence decision. A waiver (mitigated) waits for a second coordinator before it counts.
final class DueDiligenceDecision: Model, @unchecked Sendable {
    static let schema = "due_diligence_decisions"

    enum Status: String, Codable, Sendable, CaseIterable {
        case awaitingApproval = "awaiting_approval"
        case decided, declined
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "outcome") var outcome: DueDiligenceOutcome
    @Field(key: "status") var status: Status
    @Field(key: "text") var text: String
    @OptionalField(key: "mitigation") var mitigation: String?
    /// The fingerprints of the signals the decision weighed; a re-check reopens due diligence only for new ones.
    @Field(key: "signals") var signals: JSONList<String>
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "alternative_engagement_id") var alternativeEngagementID: UUID?

    init() {}

    var weighedSignals: Set<String> {
        Set(signals.items)
    }
}
